package io.newsdesk.cache;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a committed write touched, as sent between instances in a PostgreSQL notification: the
 * instance that wrote it ({@code from:<id>}, which has invalidated already), the surrogate keys,
 * the time of an article it scheduled ({@code due:<epoch microseconds>}), and whether the change
 * hid nothing ({@code ~soft}: what it dropped may be served while it is refilled).
 */
record Notice(String from, Set<String> keys, Instant due, boolean soft) {

  static final String CHANNEL = "newsdesk_changes";

  /** PostgreSQL refuses payloads of 8000 bytes or more; a longer notice drops everything. */
  private static final int MAX_PAYLOAD = 7000;

  private static final String DUE = "due:";
  private static final String FROM = "from:";
  private static final String SOFT = "~soft";

  String encode() {
    StringBuilder payload = new StringBuilder(FROM + from);
    keys.forEach(key -> payload.append(' ').append(key));
    if (due != null) {
      payload.append(' ').append(DUE).append(ChronoUnit.MICROS.between(Instant.EPOCH, due));
    }
    if (soft) {
      payload.append(' ').append(SOFT);
    }
    return payload.length() <= MAX_PAYLOAD ? payload.toString() : SurrogateKeys.ALL;
  }

  static Notice decode(String payload) {
    Set<String> keys = new LinkedHashSet<>();
    Instant due = null;
    String from = null;
    boolean soft = false;
    for (String word : payload.split(" ")) {
      if (word.equals(SOFT)) {
        soft = true;
      } else if (word.startsWith(FROM)) {
        from = word.substring(FROM.length());
      } else if (word.startsWith(DUE)) {
        try {
          due = Instant.EPOCH.plus(Long.parseLong(word.substring(DUE.length())), ChronoUnit.MICROS);
        } catch (NumberFormatException e) {
          keys.add(SurrogateKeys.ALL); // not ours to understand: assume the worst
        }
      } else if (!word.isEmpty()) {
        keys.add(word);
      }
    }
    return new Notice(from, keys, due, soft);
  }

  /** Both changes: soft only if both were. */
  Notice plus(Collection<String> moreKeys, Instant moreDue, boolean moreSoft) {
    Set<String> all = new LinkedHashSet<>(keys);
    all.addAll(moreKeys);
    Instant earliest = due == null || (moreDue != null && moreDue.isBefore(due)) ? moreDue : due;
    return new Notice(from, all, earliest, soft && moreSoft);
  }
}
