package io.newsdesk.search;

import io.newsdesk.config.NewsdeskConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Names the text search configuration of each article's full-text vector. The database computes the
 * vector as the row is written (migration V16): title weighted A, standfirst B, body C, in the
 * configuration the row names. Every article is indexed, drafts too, so publishing needs no extra
 * work; readers' queries see published articles only.
 */
@ApplicationScoped
public class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class);

  private final EntityManager entityManager;
  private final String config;

  SearchIndex(EntityManager entityManager, NewsdeskConfig config) {
    this.entityManager = entityManager;
    this.config = config.search().config();
  }

  /** The configuration a new article is indexed with. */
  public String config() {
    return config;
  }

  /**
   * At start: checks that the configuration exists, and re-indexes the articles indexed with
   * another one (after the setting changed): the new configuration makes the database compute their
   * vectors again. An index on the configuration makes the usual case, nothing to do, a lookup
   * rather than a read of every article.
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
                "update article set search_config = cast(:config as regconfig)"
                    + " where search_config <> cast(:config as regconfig) or search_config is null")
            .setParameter("config", config)
            .executeUpdate();
    if (updated > 0) {
      LOG.infof("Re-indexed %d article(s) for text search configuration '%s'", updated, config);
    }
  }
}
