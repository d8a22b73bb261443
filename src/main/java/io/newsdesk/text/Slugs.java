package io.newsdesk.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/** URL slugs: lowercase ASCII letters, digits and single hyphens, accents folded. */
public final class Slugs {

  /** What a valid slug looks like, for validation annotations. */
  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

  public static final String MESSAGE = "must be a slug: lowercase a-z, 0-9 and single hyphens";

  /** Letters that Unicode decomposition does not fold to ASCII. */
  private static final Map<String, String> SPECIAL =
      Map.ofEntries(
          Map.entry("ß", "ss"),
          Map.entry("æ", "ae"),
          Map.entry("œ", "oe"),
          Map.entry("ø", "o"),
          Map.entry("đ", "d"),
          Map.entry("ð", "d"),
          Map.entry("þ", "th"),
          Map.entry("ł", "l"),
          Map.entry("ı", "i"),
          Map.entry("&", " and "));

  private Slugs() {}

  /**
   * The slug of a title, at most {@code maxLength} characters, cut at a hyphen; empty if nothing is
   * left.
   */
  public static String slugify(String text, int maxLength) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder folded = new StringBuilder(lower.length());
    lower
        .codePoints()
        .forEach(
            cp -> {
              String ch = new String(Character.toChars(cp));
              folded.append(SPECIAL.getOrDefault(ch, ch));
            });
    String ascii = Normalizer.normalize(folded, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() <= maxLength) {
      return slug;
    }
    int cut = slug.lastIndexOf('-', maxLength);
    return (cut > 0 ? slug.substring(0, cut) : slug.substring(0, maxLength)).replaceAll("-+$", "");
  }
}
