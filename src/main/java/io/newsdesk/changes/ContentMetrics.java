package io.newsdesk.changes;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsdesk.event.ContentEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Counts what happens to published content for /q/metrics ({@code newsdesk.content.changes} by
 * type): one count per change-feed entry an event makes.
 */
@ApplicationScoped
class ContentMetrics {

  private final MeterRegistry metrics;

  ContentMetrics(MeterRegistry metrics) {
    this.metrics = metrics;
  }

  void count(@Observes ContentEvent event) {
    if (event instanceof ContentEvent.ArticleWritten written) {
      if (written.type() != null) {
        increment(written.type(), 1);
      }
    } else if (event instanceof ContentEvent.ArticlesReleased released) {
      increment("published", released.releases().size());
    } else if (event instanceof ContentEvent.CategoryChanged changed) {
      updated(changed.live());
    } else if (event instanceof ContentEvent.AuthorChanged changed) {
      updated(changed.live());
    } else if (event instanceof ContentEvent.TagChanged changed) {
      updated(changed.live());
    } else if (event instanceof ContentEvent.AssetChanged changed) {
      updated(changed.live());
    }
  }

  private void updated(List<ContentEvent.LiveArticle> live) {
    increment("updated", live.size());
  }

  private void increment(String type, int times) {
    if (times > 0) {
      metrics.counter("newsdesk.content.changes", "type", type).increment(times);
    }
  }
}
