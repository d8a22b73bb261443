package io.newsdesk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void lowercasesAndHyphenates() {
    assertEquals("storm-closes-the-harbour", Slugs.slugify("Storm Closes The Harbour!", 80));
  }

  @Test
  void foldsAccentsAndSpecialLetters() {
    assertEquals("creme-brulee-in-sao-paulo", Slugs.slugify("Crème brûlée in São Paulo", 80));
    assertEquals("strasse-smorrebrod-lodz", Slugs.slugify("Straße, smørrebrød, Łódź", 80));
    assertEquals("fish-and-chips", Slugs.slugify("Fish & Chips", 80));
  }

  @Test
  void collapsesSeparatorsAndTrimsHyphens() {
    assertEquals("a-b-c", Slugs.slugify("--a   b__c--", 80));
  }

  @Test
  void cutsLongTitlesAtAHyphen() {
    String slug = Slugs.slugify("one two three four five six", 12);
    assertEquals("one-two", slug);
    assertEquals("abcdefghij", Slugs.slugify("abcdefghijklmnop", 10));
  }

  @Test
  void nothingLeftGivesEmpty() {
    assertEquals("", Slugs.slugify("¿¡!?", 80));
    assertEquals("", Slugs.slugify("東京", 80));
  }

  @Test
  void recognisesValidSlugs() {
    assertTrue(isSlug("world-news-2026"));
    assertFalse(isSlug("World"));
    assertFalse(isSlug("double--hyphen"));
    assertFalse(isSlug("-leading"));
    assertFalse(isSlug("../etc/passwd"));
  }

  private static boolean isSlug(String value) {
    return value.matches(Slugs.PATTERN);
  }
}
