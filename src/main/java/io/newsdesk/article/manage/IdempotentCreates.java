package io.newsdesk.article.manage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ManageArticleService;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.auth.Caller;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * POST create with an {@code Idempotency-Key}: the key is claimed in the creating transaction, so
 * of two concurrent requests with the same key one creates and the other waits for it and gets the
 * same answer. Keys belong to the caller's token and expire after 24 hours.
 */
@ApplicationScoped
class IdempotentCreates {

  static final Duration LIFETIME = Duration.ofHours(24);

  /** The answer to a create, and whether it is the replay of an earlier one. */
  record Created(ManagedArticleView article, boolean replayed) {}

  private final ManageArticleService articles;
  private final EntityManager entityManager;
  private final ObjectMapper json;
  private final Clock clock;

  IdempotentCreates(
      ManageArticleService articles, EntityManager entityManager, ObjectMapper json, Clock clock) {
    this.articles = articles;
    this.entityManager = entityManager;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  Created create(String key, ArticleInput input, Caller caller) throws JsonProcessingException {
    Instant now = clock.instant();
    String who = caller.tokenId() == null ? "bootstrap-admin" : caller.tokenId().toString();
    String hash = sha256(json.writeValueAsBytes(input));
    entityManager
        .createNativeQuery("delete from idempotency_key where created_at < :cutoff")
        .setParameter("cutoff", now.minus(LIFETIME))
        .executeUpdate();
    int claimed =
        entityManager
            .createNativeQuery(
                "insert into idempotency_key (caller, key, request_hash, created_at)"
                    + " values (:caller, :key, :hash, :now) on conflict do nothing")
            .setParameter("caller", who)
            .setParameter("key", key)
            .setParameter("hash", hash)
            .setParameter("now", now)
            .executeUpdate();
    if (claimed == 1) {
      ManagedArticleView created = articles.create(input, caller);
      entityManager
          .createNativeQuery(
              "update idempotency_key set article_id = :article, response = cast(:response as jsonb)"
                  + " where caller = :caller and key = :key")
          .setParameter("article", created.id())
          .setParameter("response", json.writeValueAsString(created))
          .setParameter("caller", who)
          .setParameter("key", key)
          .executeUpdate();
      return new Created(created, false);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "select request_hash, cast(response as text) from idempotency_key"
                    + " where caller = :caller and key = :key")
            .setParameter("caller", who)
            .setParameter("key", key)
            .getResultList();
    Object[] first = rows.get(0);
    if (!hash.equals(first[0])) {
      throw new ProblemException(
          422,
          "/problems/idempotency-key-reused",
          "Idempotency-Key reused",
          "This Idempotency-Key was used in the last 24 hours with a different body; use a new key"
              + " for a new article",
          null,
          Map.of());
    }
    return new Created(json.readValue((String) first[1], ManagedArticleView.class), true);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
