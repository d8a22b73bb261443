package io.newsdesk.search;

import io.newsdesk.config.NewsdeskConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps each article's full-text vector in step with it: title weighted A, standfirst B, body C, in
 * the configured text search configuration. Every article is indexed, drafts too, so publishing
 * needs no extra work; readers' queries see published articles only.
 */
@ApplicationScoped
public class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class);

  static final String VECTOR =
      "setweight(to_tsvector(cast(:config as regconfig), title), 'A')"
          + " || setweight(to_tsvector(cast(:config as regconfig), coalesce(subtitle, '')), 'B')"
          + " || setweight(to_tsvector(cast(:config as regconfig), body_text), 'C')";

  private final EntityManager entityManager;
  private final String config;

  SearchIndex(EntityManager entityManager, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.config = config.search().config();
  }

  @Transactional(TxType.MANDATORY)
  public void index(UUID article) {
    entityManager
        .createNativeQuery(
            "update article set search_config = cast(:config as regconfig), search_vector = "
                + VECTOR
                + " where id = :id")
        .setParameter("config", config)
        .setParameter("id", article)
        .executeUpdate();
  }

  /**
   * At start: checks that the configuration exists, and re-indexes the articles indexed with
   * another one (after the setting changed). An index on the configuration makes the usual case,
   * nothing to do, a lookup rather than a read of every article.
   */
  @Transactional
  void reindexStale(@Observes StartupEvent event) {
    try {
      entityManager
          .createNativeQuery("select cast(cast(:config as regconfig) as text)")
          .setParameter("config", config)
          .getSingleResult();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "newsdesk.search.config='"
              + config
              + "' is not a PostgreSQL text search configuration (see \\dF in psql)",
          e);
    }
    int updated =
        entityManager
            .createNativeQuery(
                "update article set search_config = cast(:config as regconfig), search_vector = "
                    + VECTOR
                    + " where search_config <> cast(:config as regconfig) or search_config is null")
            .setParameter("config", config)
            .executeUpdate();
    if (updated > 0) {
      LOG.infof("Re-indexed %d article(s) for text search configuration '%s'", updated, config);
    }
  }
}
