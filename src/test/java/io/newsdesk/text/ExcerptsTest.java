package io.newsdesk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  @Test
  void shortTextIsKeptWholeWithoutEllipsis() {
    assertEquals(
        "The council met on Tuesday.", Excerpts.excerpt("The council met on Tuesday.", 200));
  }

  @Test
  void whitespaceIsNormalized() {
    assertEquals("Two lines of text", Excerpts.excerpt("  Two\n\nlines   of\ttext ", 200));
  }

  @Test
  void textOfExactlyTheLimitIsNotCut() {
    String exact = "word ".repeat(39) + "abcd"; // 39 * 5 + 4 = 199
    String text = exact + "e"; // 200 characters
    assertEquals(200, text.length());
    assertEquals(text, Excerpts.excerpt(text, 200));
  }

  @Test
  void oneCharacterOverTheLimitIsCutAtAWordBoundary() {
    String text = "word ".repeat(40) + "x"; // 201 characters
    String excerpt = Excerpts.excerpt(text, 200);
    assertTrue(excerpt.endsWith("word…"), excerpt);
    assertTrue(length(excerpt) <= 200);
    assertEquals("word ".repeat(39) + "word…", excerpt);
  }

  @Test
  void longTextEndsAtAWholeWord() {
    String text =
        "The harbour master said the ferries would stay in port until the wind dropped, and that the"
            + " coastguard would keep watch over the breakwater through the night while crews checked the moorings"
            + " of every boat in the marina before dawn.";
    String excerpt = Excerpts.excerpt(text, 120);
    assertTrue(length(excerpt) <= 120);
    assertTrue(excerpt.endsWith("…"));
    String withoutEllipsis = excerpt.substring(0, excerpt.length() - 1);
    assertTrue(text.startsWith(withoutEllipsis));
    assertEquals(' ', text.charAt(withoutEllipsis.length()), "cut must fall before a space");
  }

  @Test
  void punctuationBeforeTheCutIsDropped() {
    String excerpt = Excerpts.excerpt("alpha beta, gamma delta", 13);
    assertEquals("alpha beta…", excerpt);
  }

  @Test
  void aSingleOverlongWordIsCutInsideTheWord() {
    String word = "a".repeat(300);
    String excerpt = Excerpts.excerpt(word, 200);
    assertEquals(200, length(excerpt));
    assertEquals("a".repeat(199) + "…", excerpt);
  }

  @Test
  void unicodeIsCountedInCharactersAndNeverSplit() {
    String emoji = "🌊".repeat(250); // each is two UTF-16 units
    String excerpt = Excerpts.excerpt(emoji, 200);
    assertEquals(200, length(excerpt));
    assertFalse(
        Character.isHighSurrogate(excerpt.charAt(excerpt.length() - 2)),
        "no lone surrogate before …");

    String accented = "é".repeat(10) + " " + "ü".repeat(10);
    assertEquals(accented, Excerpts.excerpt(accented, 21));
    assertEquals("é".repeat(10) + "…", Excerpts.excerpt(accented, 20));

    String combining = "e\u0301".repeat(30); // e + combining acute
    String cut = Excerpts.excerpt(combining, 10);
    String head = cut.substring(0, cut.length() - 1);
    assertTrue(combining.startsWith(head));
    assertTrue(
        combining.charAt(head.length()) == 'e',
        "a combining mark must stay with its letter: " + cut);
  }

  @Test
  void nullAndBlankGiveAnEmptyExcerpt() {
    assertEquals("", Excerpts.excerpt(null, 200));
    assertEquals("", Excerpts.excerpt("   ", 200));
  }
}
