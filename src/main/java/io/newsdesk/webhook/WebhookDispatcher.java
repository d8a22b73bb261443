package io.newsdesk.webhook;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.replica.ReadSource;
import io.newsdesk.web.DatabaseErrors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries from the outbox. Each is claimed with a lease of its own ({@code for update
 * skip locked}, then a lease time long enough for its one send), so several instances never send
 * the same attempt twice, and sent outside any transaction. Sends run concurrently, at most {@link
 * #PER_WEBHOOK} at a time to one subscription and {@link #IN_FLIGHT} in all: a receiver that never
 * answers holds back only its own deliveries, never another subscription's. A receiver that fails
 * is retried with exponential backoff up to a cap, then the delivery is marked failed. An instance
 * that dies mid-send leaves the lease to expire, and the delivery is sent again: receivers
 * deduplicate by event id.
 */
@ApplicationScoped
class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

  /** Sends to one subscription at a time, so a backlog does not flood its receiver. */
  static final int PER_WEBHOOK = 4;

  /** Sends in flight from this instance. */
  static final int IN_FLIGHT = 64;

  private final EntityManager entityManager;
  private final TargetGuard guard;
  private final Clock clock;
  private final NewsdeskConfig.Webhooks config;
  private final HttpClient http;

  /** Sends in flight by subscription; a subscription listed here gets no new claims. */
  private final Map<UUID, Integer> sending = new ConcurrentHashMap<>();

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
      UUID webhookId,
      UUID eventId,
      String type,
      String payload,
      int attempts,
      String url,
      String secret) {}

  /**
   * Claims what is due for subscriptions that have nothing in flight and starts sending it, until
   * nothing more is due or the bound is reached. It does not wait for the answers.
   */
  @Scheduled(
      every = "${newsdesk.webhooks.poll-every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    while (true) {
      int room = IN_FLIGHT - sending.values().stream().mapToInt(Integer::intValue).sum();
      if (room <= 0) {
        return;
      }
      List<Claimed> claimed;
      try {
        claimed = QuarkusTransaction.requiringNew().call(() -> claim(room));
      } catch (RuntimeException e) {
        if (!DatabaseErrors.unavailable(e)) {
          throw e;
        }
        LOG.warnf("Webhook deliveries wait for the database: %s", DatabaseErrors.rootMessage(e));
        return;
      }
      if (claimed.isEmpty()) {
        return;
      }
      for (Claimed delivery : claimed) {
        sending.merge(delivery.webhookId(), 1, Integer::sum);
        try {
          deliver(delivery);
        } catch (RuntimeException e) {
          // a request that could not even be built: record it, and free the subscription's place
          finish(delivery, delivery.attempts() + 1, null, "Not sent: the request is invalid", true);
        }
      }
    }
  }

  private List<Claimed> claim(int room) {
    Instant now = clock.instant();
    // connecting and answering may each take the timeout; the margin covers recording the result
    Instant lease = now.plus(config.timeout().multipliedBy(2)).plusSeconds(30);
    String busy = String.join(",", sending.keySet().stream().map(UUID::toString).toList());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                """
                with ranked as (
                  select id, row_number() over (partition by webhook_id
                                                order by next_attempt_at, id) as place
                  from webhook_delivery
                  where status = 'pending' and next_attempt_at <= :now
                    and cast(webhook_id as text) <> all(string_to_array(:busy, ','))),
                due as (
                  select d.id from webhook_delivery d join ranked r on r.id = d.id
                  where r.place <= :perWebhook and d.status = 'pending'
                    and d.next_attempt_at <= :now
                  order by d.next_attempt_at limit :room for update of d skip locked),
                claimed as (
                  update webhook_delivery d set next_attempt_at = :lease from due
                  where d.id = due.id
                  returning d.id, d.webhook_id, d.event_id, d.event_type,
                            cast(d.payload as text) as payload, d.attempts)
                select c.id, c.webhook_id, c.event_id, c.event_type, c.payload, c.attempts,
                       w.url, w.secret
                from claimed c join webhook w on w.id = c.webhook_id
                """)
            .setParameter("now", now)
            .setParameter("busy", busy)
            .setParameter("perWebhook", PER_WEBHOOK)
            .setParameter("room", room)
            .setParameter("lease", lease)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Claimed(
                    (UUID) r[0],
                    (UUID) r[1],
                    (UUID) r[2],
                    (String) r[3],
                    (String) r[4],
                    ((Number) r[5]).intValue(),
                    (String) r[6],
                    (String) r[7]))
        .toList();
  }

  private void deliver(Claimed delivery) {
    int attempt = delivery.attempts() + 1;
    String refusal = guard.refusal(delivery.url());
    if (refusal != null) {
      finish(delivery, attempt, null, "Not sent: the URL " + refusal, true);
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
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                finish(delivery, attempt, null, "Not delivered: " + describe(error), false);
              } else {
                int status = response.statusCode();
                boolean ok = status >= 200 && status < 300;
                finish(
                    delivery,
                    attempt,
                    status,
                    ok ? null : "The receiver answered " + status,
                    false);
              }
            });
  }

  /** Records the attempt and frees the subscription's place, whatever happens to the record. */
  private void finish(Claimed delivery, int attempt, Integer status, String error, boolean giveUp) {
    try {
      // on the HTTP client's thread, outside any request
      ReadSource.offRequest(() -> record(delivery.id(), attempt, status, error, giveUp));
    } catch (RuntimeException e) {
      // the lease runs out and the delivery is sent again
      LOG.warnf(
          "Webhook delivery %s: its result could not be recorded: %s",
          delivery.id(), DatabaseErrors.rootMessage(e));
    } finally {
      sending.computeIfPresent(delivery.webhookId(), (id, n) -> n > 1 ? n - 1 : null);
    }
  }

  /**
   * Why a send failed, in words for the delivery log: no exception or class names (the log is shown
   * to admins through the API).
   */
  static String describe(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return "could not connect within the timeout";
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer within the timeout";
    }
    if (cause instanceof ConnectException) {
      return "the connection was refused";
    }
    if (cause instanceof UnresolvedAddressException
        || cause instanceof java.net.UnknownHostException) {
      return "the host name could not be resolved";
    }
    if (cause instanceof javax.net.ssl.SSLException) {
      return "the TLS handshake failed";
    }
    return "the connection failed before an answer";
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
