package io.newsdesk.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeTest {

  @Test
  void whetherAChangeHidNothingTravelsToOtherInstancesAndHidingWinsWhenChangesAreJoined() {
    Instant due = Instant.parse("2026-12-06T08:00:00.123456Z");
    Notice edit = new Notice("a", Set.of("feed", "article:1"), due, true);
    assertEquals(edit, Notice.decode(edit.encode()));
    Notice unpublish = new Notice("a", Set.of("article:2"), null, false);
    assertEquals(unpublish, Notice.decode(unpublish.encode()));

    assertTrue(edit.plus(List.of("content"), null, true).soft());
    Notice both = edit.plus(unpublish.keys(), null, unpublish.soft());
    assertFalse(both.soft());
    assertEquals(Set.of("feed", "article:1", "article:2"), both.keys());
    assertEquals(due, both.due());
  }
}
