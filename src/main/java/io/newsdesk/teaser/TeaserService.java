package io.newsdesk.teaser;

import io.newsdesk.config.NewsdeskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.UUID;

/**
 * Keeps each article's teaser in step with it. Callers are already in the article's or category's
 * transaction ({@link TxType#MANDATORY}), so a teaser never disagrees with what it stands for.
 */
@ApplicationScoped
public class TeaserService {

  private final TeaserRepository teasers;
  private final int excerptChars;

  TeaserService(TeaserRepository teasers, NewsdeskConfig config) {
    this.teasers = teasers;
    this.excerptChars = config.teaser().excerptChars();
  }

  @Transactional(TxType.MANDATORY)
  public void write(TeaserSource source) {
    teaserOf(source).refresh(source, excerptChars);
  }

  @Transactional(TxType.MANDATORY)
  public TeaserSettings override(TeaserSource source, TeaserInput input) {
    Teaser teaser = teaserOf(source);
    teaser.override(input);
    teaser.refresh(source, excerptChars);
    return teaser.settings();
  }

  private Teaser teaserOf(TeaserSource source) {
    return teasers
        .findByIdOptional(source.articleId())
        .orElseGet(
            () -> {
              Teaser created = new Teaser(source.articleId());
              created.refresh(source, excerptChars);
              teasers.persist(created);
              return created;
            });
  }

  /**
   * Every article has a teaser from its first save on, so callers pass the id of an existing
   * article.
   */
  public TeaserSettings settings(UUID articleId) {
    return teasers.findById(articleId).settings();
  }

  public long countInCategory(long categoryId) {
    return teasers.countInCategory(categoryId);
  }

  @Transactional(TxType.MANDATORY)
  public void categoryChanged(long categoryId, String slug, String name) {
    teasers.renameCategory(categoryId, slug, name);
  }
}
