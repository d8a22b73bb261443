package io.newsdesk.article;

import io.newsdesk.teaser.TeaserView;
import java.time.Instant;
import java.util.List;

/**
 * A published article as syndication feeds show it: its teaser, plus what feeds carry beyond it
 * (authors, tags, last change, and the body when feeds are configured to carry it).
 */
public record FeedEntry(
    TeaserView teaser, List<String> byline, List<String> tags, Instant updatedAt, String html) {}
