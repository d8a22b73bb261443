package io.newsdesk.web;

/**
 * Optimistic concurrency for everything editors replace (articles, authors, collections): the ETag
 * of a version is the number in quotes, and a replacement names the version it started from in
 * {@code If-Match}, so two editors never silently overwrite each other.
 */
public final class Versions {

  private Versions() {}

  /** A strong ETag for a version: the number in quotes. */
  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /**
   * 428 without {@code If-Match}, 412 (with the current ETag) unless it names {@code version}.
   * Compared strongly as RFC 9110 13.1.1 requires: a weak tag ({@code W/"3"}) never matches, and
   * {@code *} matches anything that exists.
   */
  public static void check(String ifMatch, long version) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw ProblemException.preconditionRequired();
    }
    String current = etag(version);
    for (String tag : ifMatch.split(",")) {
      String value = tag.strip();
      if (value.equals("*") || value.equals(current)) {
        return;
      }
    }
    throw ProblemException.preconditionFailed(current);
  }
}
