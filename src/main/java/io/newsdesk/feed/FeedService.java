package io.newsdesk.feed;

import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.media.Pictures;
import io.newsdesk.teaser.FeedFilter;
import io.newsdesk.teaser.TeaserRepository;
import io.newsdesk.teaser.TeaserRow;
import io.newsdesk.teaser.TeaserView;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The recent-posts feed. Cursor mode reads one keyset slice ({@code limit + 1} rows, the extra one
 * only says whether there is more), so page 10,000 costs what page 1 costs and articles published
 * while a reader scrolls cause neither duplicates nor gaps. Number mode adds a count, kept between
 * writes ({@link FeedCounts}).
 */
@ApplicationScoped
public class FeedService {

  private final TeaserRepository teasers;
  private final FeedCounts counts;
  private final Pictures pictures;
  private final Clock clock;

  FeedService(TeaserRepository teasers, FeedCounts counts, Pictures pictures, Clock clock) {
    this.teasers = teasers;
    this.counts = counts;
    this.pictures = pictures;
    this.clock = clock;
  }

  public Page<TeaserView> byCursor(FeedFilter filter, String cursorText, int limit) {
    Instant now = clock.instant();
    Cursor cursor = cursorText == null ? null : Cursor.decode(cursorText);
    if (cursor != null && cursor.direction() == Cursor.Direction.NEWER) {
      List<TeaserRow> rows =
          new ArrayList<>(
              teasers.newerThan(now, filter, cursor.publishedAt(), cursor.articleId(), limit + 1));
      boolean more = rows.size() > limit;
      rows = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
      Collections.reverse(rows);
      String next = rows.isEmpty() ? null : at(rows.get(rows.size() - 1), Cursor.Direction.OLDER);
      String prev = more ? at(rows.get(0), Cursor.Direction.NEWER) : null;
      return page(rows, PageInfo.cursors(limit, next, prev));
    }
    List<TeaserRow> rows =
        cursor == null
            ? teasers.olderThan(now, filter, null, null, limit + 1)
            : teasers.olderThan(now, filter, cursor.publishedAt(), cursor.articleId(), limit + 1);
    boolean more = rows.size() > limit;
    rows = rows.subList(0, Math.min(limit, rows.size()));
    String next = more ? at(rows.get(rows.size() - 1), Cursor.Direction.OLDER) : null;
    String prev = cursor == null || rows.isEmpty() ? null : at(rows.get(0), Cursor.Direction.NEWER);
    return page(rows, PageInfo.cursors(limit, next, prev));
  }

  Page<TeaserView> byNumber(FeedFilter filter, int number, int limit) {
    Instant now = clock.instant();
    List<TeaserRow> rows = teasers.pageOf(now, filter, number, limit);
    return page(rows, PageInfo.numbered(limit, number, counts.count(now, filter)));
  }

  /** The feed, the filtered category and every article on the page. */
  public static Set<String> keys(Page<TeaserView> page, FeedFilter filter) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(SurrogateKeys.FEED);
    if (filter.category() != null) {
      keys.add(SurrogateKeys.category(filter.category()));
    }
    page.items().forEach(teaser -> keys.add(SurrogateKeys.article(teaser.id())));
    return keys;
  }

  private static String at(TeaserRow row, Cursor.Direction direction) {
    return new Cursor(direction, row.publishedAt(), row.articleId()).encode();
  }

  private Page<TeaserView> page(List<TeaserRow> rows, PageInfo info) {
    return new Page<>(TeaserRow.views(rows, pictures), info);
  }
}
