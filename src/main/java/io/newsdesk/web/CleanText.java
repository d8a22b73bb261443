package io.newsdesk.web;

/**
 * The one rule for text a client sends, in a JSON body (JsonSetup) or a query parameter
 * (QueryText): no C0 control characters but tab, line feed and return (PostgreSQL cannot store or
 * compare NUL), no U+FFFE or U+FFFF (not characters, and XML cannot carry them: one would break
 * every feed showing it), and no unpaired surrogates.
 */
final class CleanText {

  private CleanText() {}

  /** Why {@code value} cannot be taken as text, as a message for the client; null when it can. */
  static String problem(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        return "must not contain control characters such as NUL";
      }
      if (c == 0xfffe || c == 0xffff) {
        return "must not contain the non-characters U+FFFE or U+FFFF";
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must be valid Unicode text (it has a lone surrogate)";
      }
    }
    return null;
  }
}
