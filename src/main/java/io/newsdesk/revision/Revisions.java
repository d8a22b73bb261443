package io.newsdesk.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.auth.Caller;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The history of every article: each save adds a numbered revision with who made it, when, what it
 * did, the content as written (to restore) and the article as it then stood (to show).
 */
@ApplicationScoped
public class Revisions {

  private final EntityManager entityManager;
  private final ObjectMapper json;

  Revisions(EntityManager entityManager, ObjectMapper json) {
    this.entityManager = entityManager;
    this.json = json;
  }

  /** Called with the article's row locked, so numbers never collide. */
  @Transactional(TxType.MANDATORY)
  public void record(
      UUID article, Caller caller, String action, Object input, Object state, Instant at) {
    entityManager
        .createNativeQuery(
            "insert into article_revision"
                + " (article_id, number, at, actor_name, actor_role, action, input, article)"
                + " select :article, coalesce(max(number), 0) + 1, :at, :name, :role, :action,"
                + " cast(:input as jsonb), cast(:state as jsonb)"
                + " from article_revision where article_id = :article")
        .setParameter("article", article)
        .setParameter("at", at)
        .setParameter("name", caller.name())
        .setParameter("role", caller.role().name())
        .setParameter("action", action)
        .setParameter("input", write(input))
        .setParameter("state", write(state))
        .executeUpdate();
  }

  Page<RevisionView> list(UUID article, int number, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select number, at, actor_name, actor_role, action, cast(article as text)"
                    + " from article_revision where article_id = :article"
                    + " order by number desc limit :limit offset :offset")
            .setParameter("article", article)
            .setParameter("limit", limit)
            .setParameter("offset", (long) (number - 1) * limit)
            .getResultList();
    long total =
        ((Number)
                entityManager
                    .createNativeQuery(
                        "select count(*) from article_revision where article_id = :article")
                    .setParameter("article", article)
                    .getSingleResult())
            .longValue();
    return new Page<>(
        rows.stream().map(this::view).toList(), PageInfo.numbered(limit, number, total));
  }

  RevisionView get(UUID article, int number) {
    return view(row(article, number, "cast(article as text)"));
  }

  /** The content as it was written in revision {@code number}, to write it again. */
  public JsonNode input(UUID article, int number) {
    Object[] row = row(article, number, "cast(input as text)");
    return read((String) row[5]);
  }

  private Object[] row(UUID article, int number, String document) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select number, at, actor_name, actor_role, action, "
                    + document
                    + " from article_revision where article_id = :article and number = :number")
            .setParameter("article", article)
            .setParameter("number", number)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound(
          "Article " + article + " has no revision " + number + " (or does not exist)");
    }
    return rows.get(0);
  }

  private RevisionView view(Object[] row) {
    return new RevisionView(
        ((Number) row[0]).intValue(),
        (Instant) row[1],
        new RevisionView.Actor((String) row[2], (String) row[3]),
        (String) row[4],
        read((String) row[5]));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A revision cannot be serialized", e);
    }
  }

  private JsonNode read(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A stored revision cannot be read", e);
    }
  }
}
