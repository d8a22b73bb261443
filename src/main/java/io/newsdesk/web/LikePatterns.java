package io.newsdesk.web;

/** SQL LIKE patterns from what a client typed: its wildcards match literally. */
public final class LikePatterns {

  private LikePatterns() {}

  /**
   * "%text%" for a case-insensitive {@code lower(column) like ?}: backslash, {@code %} and {@code
   * _} are escaped with backslash, PostgreSQL's default LIKE escape.
   */
  public static String containing(String text) {
    return "%"
        + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        + "%";
  }
}
