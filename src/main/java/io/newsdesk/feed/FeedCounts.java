package io.newsdesk.feed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.newsdesk.cache.ResponseCache;
import io.newsdesk.teaser.FeedFilter;
import io.newsdesk.teaser.TeaserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The number of published teasers a page-number feed reports, kept per filter so that no request
 * counts the archive again: a count is trusted while no write has happened on any instance since it
 * was made (the response cache's generation, raised by every invalidation here and by every
 * notification from elsewhere) and until the next scheduled article comes due. Exact after every
 * publish, unpublish and schedule; counted afresh while notifications might be missed.
 */
@ApplicationScoped
class FeedCounts {

  private record Counted(long count, long generation, Instant validUntil) {}

  private final TeaserRepository teasers;
  private final ResponseCache cache;
  private final Cache<FeedFilter, Counted> counts =
      Caffeine.newBuilder().maximumSize(10_000).build();

  FeedCounts(TeaserRepository teasers, ResponseCache cache) {
    this.teasers = teasers;
    this.cache = cache;
  }

  long count(Instant now, FeedFilter filter) {
    long generation = cache.ticket().generation();
    Counted kept = counts.getIfPresent(filter);
    if (kept != null && kept.generation() == generation && now.isBefore(kept.validUntil())) {
      return kept.count();
    }
    long count = teasers.countPublished(now, filter);
    if (cache.connected()) {
      counts.put(filter, new Counted(count, generation, teasers.nextPublication(now)));
    }
    return count;
  }
}
