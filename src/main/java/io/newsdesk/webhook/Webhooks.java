package io.newsdesk.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Webhook subscriptions, and the outbox: {@link #enqueue} writes one delivery per subscribed
 * webhook in the transaction of the change itself, so a change that rolls back sends nothing and
 * one that commits is sent even if the server stops right after.
 */
@ApplicationScoped
public class Webhooks {

  private final EntityManager entityManager;
  private final TargetGuard guard;
  private final ObjectMapper json;
  private final Clock clock;

  Webhooks(EntityManager entityManager, TargetGuard guard, ObjectMapper json, Clock clock) {
    this.entityManager = entityManager;
    this.guard = guard;
    this.json = json;
    this.clock = clock;
  }

  /** Writes event {@code type} with {@code data} for every webhook that subscribed to it. */
  @Transactional(TxType.MANDATORY)
  public void enqueue(String type, Map<String, Object> data) {
    Instant now = clock.instant();
    UUID eventId = UUID.randomUUID();
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", eventId);
    event.put("type", type);
    event.put("createdAt", now);
    event.put("data", data);
    String payload;
    try {
      payload = json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A webhook event cannot be serialized", e);
    }
    entityManager
        .createNativeQuery(
            "insert into webhook_delivery (id, webhook_id, event_id, event_type, payload,"
                + " created_at, status, next_attempt_at)"
                + " select gen_random_uuid(), w.id, :event, :type, cast(:payload as jsonb), :now,"
                + " 'pending', :now from webhook w where w.active and :type = any(w.events)")
        .setParameter("event", eventId)
        .setParameter("type", type)
        .setParameter("payload", payload)
        .setParameter("now", now)
        .executeUpdate();
  }

  @Transactional
  WebhookView create(WebhookInput input) {
    checkTarget(input.url());
    UUID id = UUID.randomUUID();
    entityManager
        .createNativeQuery(
            "insert into webhook (id, url, events, secret, created_at)"
                + " values (:id, :url, cast(:events as text[]), :secret, :now)")
        .setParameter("id", id)
        .setParameter("url", input.url())
        .setParameter("events", textArray(input.events()))
        .setParameter("secret", input.secret())
        .setParameter("now", clock.instant())
        .executeUpdate();
    return get(id);
  }

  @Transactional
  WebhookView replace(UUID id, WebhookInput input) {
    get(id);
    checkTarget(input.url());
    entityManager
        .createNativeQuery(
            "update webhook set url = :url, events = cast(:events as text[]), secret = :secret"
                + " where id = :id")
        .setParameter("id", id)
        .setParameter("url", input.url())
        .setParameter("events", textArray(input.events()))
        .setParameter("secret", input.secret())
        .executeUpdate();
    return get(id);
  }

  @Transactional
  void delete(UUID id) {
    int deleted =
        entityManager
            .createNativeQuery("delete from webhook where id = :id")
            .setParameter("id", id)
            .executeUpdate();
    if (deleted == 0) {
      throw notFound(id);
    }
  }

  WebhookView get(UUID id) {
    List<WebhookView> found = views("where id = :id", Map.of("id", id), 1, 0);
    if (found.isEmpty()) {
      throw notFound(id);
    }
    return found.get(0);
  }

  Page<WebhookView> list(int number, int limit) {
    long total =
        ((Number) entityManager.createNativeQuery("select count(*) from webhook").getSingleResult())
            .longValue();
    return new Page<>(
        views("", Map.of(), limit, (number - 1) * limit), PageInfo.numbered(limit, number, total));
  }

  Page<DeliveryView> deliveries(UUID webhook, int number, int limit) {
    get(webhook);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select id, event_id, event_type, created_at, status, attempts, next_attempt_at,"
                    + " last_attempt_at, last_status, last_error from webhook_delivery"
                    + " where webhook_id = :webhook order by created_at desc, id desc"
                    + " limit :limit offset :offset")
            .setParameter("webhook", webhook)
            .setParameter("limit", limit)
            .setParameter("offset", (number - 1) * limit)
            .getResultList();
    long total =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "select count(*) from webhook_delivery where webhook_id = :webhook")
                    .setParameter("webhook", webhook)
                    .getSingleResult())
            .longValue();
    List<DeliveryView> items =
        rows.stream()
            .map(
                r ->
                    new DeliveryView(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (Instant) r[3],
                        (String) r[4],
                        ((Number) r[5]).intValue(),
                        "pending".equals(r[4]) ? (Instant) r[6] : null,
                        (Instant) r[7],
                        r[8] == null ? null : ((Number) r[8]).intValue(),
                        (String) r[9]))
            .toList();
    return new Page<>(items, PageInfo.numbered(limit, number, total));
  }

  /** Sends a delivery again, soon, whatever became of it. */
  @Transactional
  void redeliver(UUID webhook, UUID delivery) {
    int updated =
        entityManager
            .createNativeQuery(
                "update webhook_delivery set status = 'pending', next_attempt_at = :now"
                    + " where id = :delivery and webhook_id = :webhook")
            .setParameter("now", clock.instant())
            .setParameter("delivery", delivery)
            .setParameter("webhook", webhook)
            .executeUpdate();
    if (updated == 0) {
      throw ProblemException.notFound(
          "Webhook " + webhook + " has no delivery " + delivery + " (or does not exist)");
    }
  }

  private List<WebhookView> views(String where, Map<String, Object> params, int limit, int offset) {
    var query =
        entityManager.createNativeQuery(
            "select id, url, cast(events as text), created_at from webhook "
                + where
                + " order by created_at, id limit :limit offset :offset");
    params.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        query.setParameter("limit", limit).setParameter("offset", offset).getResultList();
    return rows.stream()
        .map(
            r ->
                new WebhookView(
                    (UUID) r[0], (String) r[1], parseTextArray((String) r[2]), (Instant) r[3]))
        .toList();
  }

  private void checkTarget(String url) {
    String refusal = guard.refusal(url);
    if (refusal != null) {
      throw ProblemException.invalid("url", refusal);
    }
  }

  /** Event names are plain words and dots (validated), so the array literal needs no quoting. */
  private static String textArray(List<String> values) {
    return "{" + String.join(",", values.stream().distinct().toList()) + "}";
  }

  private static List<String> parseTextArray(String literal) {
    String inner = literal.substring(1, literal.length() - 1);
    return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
  }

  private static ProblemException notFound(UUID id) {
    return ProblemException.notFound("There is no webhook with id " + id);
  }
}
