package io.newsdesk.teaser;

import io.newsdesk.config.NewsdeskConfig;
import io.newsdesk.event.ContentEvent;
import io.newsdesk.media.Pictures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.UUID;

/**
 * Keeps each article's teaser in step with it. Callers are already in the article's or category's
 * transaction ({@link TxType#MANDATORY}), so a teaser never disagrees with what it stands for.
 */
@ApplicationScoped
public class TeaserService {

  private final TeaserRepository teasers;
  private final Pictures pictures;
  private final int excerptChars;

  TeaserService(TeaserRepository teasers, Pictures pictures, NewsdeskConfig config) {
    this.teasers = teasers;
    this.pictures = pictures;
    this.excerptChars = config.teaser().excerptChars();
  }

  /**
   * Rewrites the article's card; whether what decides which lists show it (category, tags, authors,
   * publication time) changed, or the card is new.
   */
  @Transactional(TxType.MANDATORY)
  public boolean write(TeaserSource source) {
    Teaser teaser = teasers.findByIdOptional(source.articleId()).orElse(null);
    Teaser.Listing before = teaser == null ? null : teaser.listing();
    if (teaser == null) {
      teaser = created(source);
    } else {
      teaser.refresh(source, excerptChars);
    }
    teasers.flush();
    teasers.cards(source.articleId());
    return !teaser.listing().equals(before);
  }

  @Transactional(TxType.MANDATORY)
  public TeaserSettings override(TeaserSource source, TeaserInput input) {
    pictures.check(input.image(), "image");
    Teaser teaser = teaserOf(source);
    teaser.override(input);
    teaser.refresh(source, excerptChars);
    teasers.flush();
    teasers.cards(source.articleId());
    teasers.getEntityManager().refresh(teaser); // the cards SQL just wrote
    return settings(teaser);
  }

  private Teaser teaserOf(TeaserSource source) {
    return teasers.findByIdOptional(source.articleId()).orElseGet(() -> created(source));
  }

  private Teaser created(TeaserSource source) {
    Teaser created = new Teaser(source.articleId());
    created.refresh(source, excerptChars);
    teasers.persist(created);
    return created;
  }

  /**
   * Every article has a teaser from its first save on, so callers pass the id of an existing
   * article.
   */
  public TeaserSettings settings(UUID articleId) {
    return settings(teasers.findById(articleId));
  }

  private TeaserSettings settings(Teaser teaser) {
    return new TeaserSettings(
        TeaserRow.views(List.of(teaser.row()), pictures).get(0), teaser.override());
  }

  public long countInCategory(long categoryId) {
    return teasers.countInCategory(categoryId);
  }

  /** The category's cards show its new name and slug; the published ones among them. */
  @Transactional(TxType.MANDATORY)
  public List<ContentEvent.LiveArticle> categoryChanged(
      long categoryId, String slug, String name, java.time.Instant now) {
    return teasers.renameCategory(categoryId, slug, name, now);
  }
}
