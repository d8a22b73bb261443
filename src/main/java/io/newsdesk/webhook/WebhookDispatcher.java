package io.newsdesk.webhook;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries from the outbox. Each is claimed with a lease ({@code for update skip
 * locked}), so several instances never send the same attempt twice, and sent outside any
 * transaction; a receiver that fails is retried with exponential backoff up to a cap, then the
 * delivery is marked failed. An instance that dies mid-send leaves the lease to expire, and the
 * delivery is sent again: receivers deduplicate by event id.
 */
@ApplicationScoped
class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 20;

  private final EntityManager entityManager;
  private final TargetGuard guard;
  private final Clock clock;
  private final NewsdeskConfig.Webhooks config;
  private final HttpClient http;

  WebhookDispatcher(
      EntityManager entityManager, TargetGuard guard, Clock clock, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.guard = guard;
    this.clock = clock;
    this.config = config.webhooks();
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(this.config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A claimed delivery and where it goes. */
  record Claimed(
      UUID id,
      UUID eventId,
      String type,
      String payload,
      int attempts,
      String url,
      String secret) {}

  @Scheduled(
      every = "${newsdesk.webhooks.poll-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    for (int batch = 0; batch < 50; batch++) {
      List<Claimed> claimed;
      try {
        claimed = QuarkusTransaction.requiringNew().call(this::claim);
      } catch (RuntimeException e) {
        if (!DatabaseErrors.unavailable(e)) {
          throw e;
        }
        LOG.warnf("Webhook deliveries wait for the database: %s", DatabaseErrors.rootMessage(e));
        return;
      }
      claimed.forEach(this::deliver);
      if (claimed.size() < BATCH) {
        return;
      }
    }
  }

  private List<Claimed> claim() {
    Instant now = clock.instant();
    Instant lease = now.plus(config.timeout()).plusSeconds(30);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                """
                with due as (
                  select id from webhook_delivery
                  where status = 'pending' and next_attempt_at <= :now
                  order by next_attempt_at limit :batch for update skip locked),
                claimed as (
                  update webhook_delivery d set next_attempt_at = :lease from due
                  where d.id = due.id
                  returning d.id, d.event_id, d.event_type, cast(d.payload as text) as payload,
                            d.attempts, d.webhook_id)
                select c.id, c.event_id, c.event_type, c.payload, c.attempts, w.url, w.secret
                from claimed c join webhook w on w.id = c.webhook_id
                """)
            .setParameter("now", now)
            .setParameter("batch", BATCH)
            .setParameter("lease", lease)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Claimed(
                    (UUID) r[0],
                    (UUID) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    (String) r[5],
                    (String) r[6]))
        .toList();
  }

  private void deliver(Claimed delivery) {
    int attempt = delivery.attempts() + 1;
    String refusal = guard.refusal(delivery.url());
    if (refusal != null) {
      record(delivery.id(), attempt, null, "Not sent: the URL " + refusal, true);
      return;
    }
    long t = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(config.timeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Newsdesk-Webhooks/1")
            .header("X-Newsdesk-Event", delivery.type())
            .header("X-Newsdesk-Event-Id", delivery.eventId().toString())
            .header("X-Newsdesk-Delivery", delivery.id().toString())
            .header("X-Newsdesk-Attempt", String.valueOf(attempt))
            .header(
                "X-Newsdesk-Signature",
                "t=" + t + ",v1=" + sign(delivery.secret(), t + "." + delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      boolean ok = response.statusCode() >= 200 && response.statusCode() < 300;
      record(
          delivery.id(),
          attempt,
          response.statusCode(),
          ok ? null : "The receiver answered " + response.statusCode(),
          false);
    } catch (IOException e) {
      record(delivery.id(), attempt, null, "Not delivered: " + e, false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void record(UUID id, int attempt, Integer status, String error, boolean giveUp) {
    Instant now = clock.instant();
    boolean delivered = error == null;
    boolean failed = !delivered && (giveUp || attempt >= config.maxAttempts());
    Instant next = delivered || failed ? null : now.plus(backoff(attempt));
    if (failed) {
      LOG.warnf("Webhook delivery %s failed after %d attempt(s): %s", id, attempt, error);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "update webhook_delivery set status = :status, attempts = :attempts,"
                            + " last_attempt_at = :now, last_status = :code, last_error = :error,"
                            + " next_attempt_at = :next where id = :id")
                    .setParameter("status", delivered ? "delivered" : failed ? "failed" : "pending")
                    .setParameter("attempts", attempt)
                    .setParameter("now", now)
                    .setParameter("code", status)
                    .setParameter(
                        "error",
                        error == null ? null : error.substring(0, Math.min(1000, error.length())))
                    .setParameter("next", next)
                    .setParameter("id", id)
                    .executeUpdate());
  }

  /** retry-base, doubled per attempt after the first, at most retry-cap. */
  Duration backoff(int attempt) {
    Duration wait = config.retryBase();
    for (int i = 1; i < attempt && wait.compareTo(config.retryCap()) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(config.retryCap()) > 0 ? config.retryCap() : wait;
  }

  static String sign(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
