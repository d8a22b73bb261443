package io.newsdesk.teaser;

import java.time.Instant;

/**
 * Which published teasers a feed shows: optionally one category, one tag, and a window of
 * publication times ({@code before} and {@code after} are exclusive). Null means no restriction.
 */
public record FeedFilter(String category, String tag, Instant before, Instant after) {

  public static final FeedFilter NONE = new FeedFilter(null, null, null, null);
}
