package io.newsdesk.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the response cache keeps of a body: a 200's gzip bytes only, the same body either way. */
class CachedBodyTest {

  private static final byte[] ARTICLE =
      "{\"title\":\"The ferry timetable\",\"body\":\"The harbour committee met again. \"}"
          .repeat(40)
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void aKeptBodyWeighsItsGzipOnlyAndGivesBackTheSameBytes() {
    CachedResponse.Body sent = CachedResponse.Body.of(ARTICLE, true);
    CachedResponse.Body kept = sent.kept();
    assertEquals(sent.gzip().length, kept.weight());
    assertArrayEquals(ARTICLE, kept.identity());
    assertArrayEquals(sent.gzip(), kept.gzip());
  }

  @Test
  void aBodyThatIsNeverGzippedIsKeptAsItIs() {
    CachedResponse.Body notFound = CachedResponse.Body.of(ARTICLE, false);
    assertEquals(ARTICLE.length, notFound.kept().weight());
    assertArrayEquals(ARTICLE, notFound.kept().identity());
  }
}
