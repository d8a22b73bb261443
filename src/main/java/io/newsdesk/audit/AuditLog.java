package io.newsdesk.audit;

import io.newsdesk.auth.Caller;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The record of management writes, and the admins' view of it. */
@ApplicationScoped
class AuditLog {

  private final EntityManager entityManager;
  private final Clock clock;

  AuditLog(EntityManager entityManager, Clock clock) {
    this.entityManager = entityManager;
    this.clock = clock;
  }

  void record(
      Caller caller,
      String method,
      String path,
      String entityType,
      String entityId,
      int status,
      String address) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                entityManager
                    .createNativeQuery(
                        "insert into audit_entry (at, actor_id, actor_name, actor_role, method,"
                            + " path, entity_type, entity_id, status, address) values (:at, :id,"
                            + " :name, :role, :method, :path, :type, :entity, :status, :address)")
                    .setParameter("at", clock.instant())
                    .setParameter("id", caller.tokenId())
                    .setParameter("name", caller.name())
                    .setParameter("role", caller.role().name())
                    .setParameter("method", method)
                    .setParameter("path", path)
                    .setParameter("type", entityType)
                    .setParameter("entity", entityId)
                    .setParameter("status", status)
                    .setParameter("address", address)
                    .executeUpdate());
  }

  Page<AuditEntryView> list(
      String actor, String entityType, String entityId, int number, int limit) {
    StringBuilder where = new StringBuilder(" where true");
    Map<String, Object> params = new LinkedHashMap<>();
    if (actor != null) {
      where.append(" and actor_name = :actor");
      params.put("actor", actor);
    }
    if (entityType != null) {
      where.append(" and entity_type = :type");
      params.put("type", entityType);
    }
    if (entityId != null) {
      where.append(" and entity_id = :entity");
      params.put("entity", entityId);
    }
    Query rows =
        entityManager.createNativeQuery(
            "select id, at, actor_name, actor_role, method, path, entity_type, entity_id, status,"
                + " address from audit_entry"
                + where
                + " order by at desc, id desc limit :limit offset :offset");
    Query count = entityManager.createNativeQuery("select count(*) from audit_entry" + where);
    params.forEach(
        (name, value) -> {
          rows.setParameter(name, value);
          count.setParameter(name, value);
        });
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        rows.setParameter("limit", limit)
            .setParameter("offset", (number - 1) * limit)
            .getResultList();
    List<AuditEntryView> items =
        found.stream()
            .map(
                r ->
                    new AuditEntryView(
                        ((Number) r[0]).longValue(),
                        (Instant) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        ((Number) r[8]).intValue(),
                        (String) r[9]))
            .toList();
    return new Page<>(
        items, PageInfo.numbered(limit, number, ((Number) count.getSingleResult()).longValue()));
  }
}
