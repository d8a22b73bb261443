package io.newsdesk.text;

/**
 * Teaser excerpts: whitespace-normalized text cut at a word boundary, ending in "…" only when cut.
 */
public final class Excerpts {

  public static final String ELLIPSIS = "…";

  private Excerpts() {}

  /**
   * At most {@code maxChars} characters (Unicode code points, the ellipsis included). A single word
   * longer than that is cut inside the word, never inside a character or before a combining mark.
   */
  public static String excerpt(String text, int maxChars) {
    String normalized = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    if (normalized.codePointCount(0, normalized.length()) <= maxChars) {
      return normalized;
    }
    int end = normalized.offsetByCodePoints(0, maxChars - 1);
    int cut =
        Character.isWhitespace(normalized.charAt(end)) ? end : normalized.lastIndexOf(' ', end);
    String head = cut > 0 ? trimEnd(normalized.substring(0, cut)) : "";
    if (head.isEmpty()) {
      int hard = end;
      while (hard > 0 && isCombining(normalized.codePointAt(hard))) {
        hard = normalized.offsetByCodePoints(hard, -1);
      }
      head = normalized.substring(0, hard);
    }
    return head + ELLIPSIS;
  }

  /** Drops punctuation that reads badly before an ellipsis ("word, …" becomes "word…"). */
  private static String trimEnd(String head) {
    return head.replaceAll("[\\s,;:\\-–—(\\[]+$", "");
  }

  private static boolean isCombining(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || codePoint == 0x200D
        || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
  }
}
