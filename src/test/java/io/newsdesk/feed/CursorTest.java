package io.newsdesk.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdesk.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

  private final Cursor cursor =
      new Cursor(
          Cursor.Direction.OLDER,
          Instant.parse("2026-11-27T08:30:00.123456Z"),
          UUID.fromString("9f1c0f0e-8c1b-4c1e-9d5e-2f7b3c4d5e6f"));

  @Test
  void roundTripsExactly() {
    String text = cursor.encode();
    assertTrue(text.matches("[A-Za-z0-9_-]+"), text);
    assertEquals(cursor, Cursor.decode(text));
    Cursor newer = new Cursor(Cursor.Direction.NEWER, cursor.publishedAt(), cursor.articleId());
    assertEquals(newer, Cursor.decode(newer.encode()));
  }

  @Test
  void everySingleCharacterChangeIsRejected() {
    String text = cursor.encode();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < text.length(); i++) {
      char replacement =
          alphabet.charAt((alphabet.indexOf(text.charAt(i)) + 1) % alphabet.length());
      String tampered = text.substring(0, i) + replacement + text.substring(i + 1);
      int position = i;
      ProblemException e =
          assertThrows(
              ProblemException.class, () -> Cursor.decode(tampered), "position " + position);
      assertEquals(400, e.status());
      assertEquals("cursor", e.errors().get(0).field());
    }
  }

  @Test
  void garbageIsRejected() {
    for (String bad :
        new String[] {"", "x", "!!!", "AAAAAAAA", cursor.encode() + "AA", "../../etc"}) {
      assertThrows(ProblemException.class, () -> Cursor.decode(bad), bad);
    }
  }
}
