package io.newsdesk.article;

import io.newsdesk.media.Pictures;
import io.newsdesk.teaser.FeedFilter;
import io.newsdesk.teaser.TeaserRepository;
import io.newsdesk.teaser.TeaserRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The newest published articles for syndication feeds: the feed's teasers, then their details. */
@ApplicationScoped
public class LatestArticles {

  private final TeaserRepository teasers;
  private final ArticleRepository articles;
  private final Pictures pictures;
  private final Clock clock;

  LatestArticles(
      TeaserRepository teasers, ArticleRepository articles, Pictures pictures, Clock clock) {
    this.teasers = teasers;
    this.articles = articles;
    this.pictures = pictures;
    this.clock = clock;
  }

  /** Newest first, at most {@code limit}; {@code withBody} adds each article's sanitized HTML. */
  public List<FeedEntry> latest(String category, int limit, boolean withBody) {
    List<TeaserRow> rows =
        teasers.olderThan(clock.instant(), FeedFilter.category(category), null, null, limit);
    List<Article> found =
        rows.isEmpty()
            ? List.of()
            : articles.list("id in ?1", rows.stream().map(TeaserRow::articleId).toList());
    Map<UUID, Article> byId =
        found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    rows = rows.stream().filter(row -> byId.containsKey(row.articleId())).toList();
    return TeaserRow.views(rows, pictures).stream()
        .map(
            teaser -> {
              Article a = byId.get(teaser.id());
              // profiles' names first, then names written for wire copy; tags by their names
              List<String> names = new java.util.ArrayList<>();
              teaser.authors().forEach(author -> names.add(author.name()));
              names.addAll(List.of(a.byline));
              return new FeedEntry(
                  teaser,
                  names,
                  teaser.tags().stream().map(io.newsdesk.tag.TagRef::name).toList(),
                  a.updatedAt,
                  withBody ? a.bodyHtml : null);
            })
        .toList();
  }
}
