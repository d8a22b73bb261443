package io.newsdesk.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Token rows, looked up by the hash of the secret. */
@ApplicationScoped
class ApiTokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

  Optional<ApiToken> findByHash(String hash) {
    return find("tokenHash", hash).firstResultOptional();
  }

  List<ApiToken> page(int number, int limit) {
    return findAll(Sort.descending("createdAt").and("id", Sort.Direction.Descending))
        .page(Page.of(number - 1, limit))
        .list();
  }

  /** Whether a token may act for this author: one with a profile. */
  boolean authorExists(String slug) {
    return (Boolean)
        getEntityManager()
            .createNativeQuery(
                "select exists (select 1 from author where slug = :slug)", Boolean.class)
            .setParameter("slug", slug)
            .getSingleResult();
  }
}
