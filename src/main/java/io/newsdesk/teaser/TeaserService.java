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
    Teaser teaser = teasers.findByIdOptional(source.articleId()).orElse(null);
    if (teaser == null) {
      teaser = new Teaser(source.articleId());
      teaser.refresh(source, excerptChars);
      teasers.persist(teaser);
    } else {
      teaser.refresh(source, excerptChars);
    }
  }

  @Transactional(TxType.MANDATORY)
  public TeaserSettings override(TeaserSource source, TeaserInput input) {
    Teaser teaser =
        teasers
            .findByIdOptional(source.articleId())
            .orElseGet(
                () -> {
                  Teaser created = new Teaser(source.articleId());
                  teasers.persist(created);
                  return created;
                });
    teaser.override(input);
    teaser.refresh(source, excerptChars);
    return teaser.settings();
  }

  public TeaserSettings settings(UUID articleId) {
    return teasers.findByIdOptional(articleId).map(Teaser::settings).orElse(null);
  }

  public long countInCategory(long categoryId) {
    return teasers.countInCategory(categoryId);
  }

  @Transactional(TxType.MANDATORY)
  public void categoryChanged(long categoryId, String slug, String name) {
    teasers.renameCategory(categoryId, slug, name);
  }
}
