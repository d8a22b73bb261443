package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The feeds as feed readers take them: Python's feedparser (Debian's python3-feedparser, run with
 * /usr/bin/python3, installed by .ci/run) with its HTML sanitizer off, as a reader that trusts the
 * feed would be; whatever the Accept header; with Last-Modified and If-Modified-Since.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class FeedReadersTest {

  private static final String HOSTILE = "5 < 6 & \"x\" <script>alert(1)</script>";

  /** What feedparser read of the feed at {@code path}: the feed's links and its first entry. */
  private static JsonNode feedparser(String path) throws Exception {
    Path feed = Files.createTempFile("feed", ".xml");
    Files.write(feed, given().get(path).then().statusCode(200).extract().asByteArray());
    String script =
        String.join(
            "\n",
            "import feedparser, json, sys",
            "d = feedparser.parse(sys.argv[1], sanitize_html=False)",
            "e = d.entries[0]",
            "print(json.dumps({'bozo': d.bozo, 'version': d.version,",
            "  'self': [l.href for l in d.feed.get('links', []) if l.rel == 'self'],",
            "  'title': e.title, 'summary': e.summary, 'summaryType': e.summary_detail.type,",
            "  'content': [c.value for c in e.get('content', [])],",
            "  'contentType': [c.type for c in e.get('content', [])],",
            "  'author': e.get('author'),",
            "  'images': [l.href for l in e.get('links', []) if l.rel == 'enclosure']}))");
    Process python =
        new ProcessBuilder("/usr/bin/python3", "-c", script, feed.toString())
            .redirectError(new File("target/feedparser.log"))
            .start();
    byte[] out = python.getInputStream().readAllBytes();
    assertTrue(python.waitFor(60, TimeUnit.SECONDS), "feedparser ran"); // liveness bound
    assertEquals(0, python.exitValue(), "feedparser failed: see target/feedparser.log");
    Files.delete(feed);
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }

  @Test
  void feedReadersGetTheTextAsTextTheBodyAsSafeHtmlTheAuthorAndThePicture() throws Exception {
    String category = Api.category();
    Map<String, Object> input = Api.article(category, "Tide tables & <b>storm</b> warnings");
    input.put("subtitle", HOSTILE);
    input.put("body", "The **harbour** closes <script>alert(2)</script> at noon.");
    input.put("byline", List.of("Ines Varga"));
    String photo =
        AssetTest.upload(TestImages.jpeg(640, 480), "image/jpeg").then().extract().path("id");
    input.put("image", Map.of("asset", photo, "alt", "Waves"));
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);

    for (String format : List.of("rss.xml", "atom.xml")) {
      String path = "/feeds/" + format + "?category=" + category;
      JsonNode read = feedparser(path);
      assertEquals(0, read.get("bozo").asInt(), format + " is well-formed");
      assertEquals(List.of("http://localhost:8080" + path), texts(read.get("self")), format);
      assertEquals("Tide tables & <b>storm</b> warnings", read.get("title").asText(), format);
      // the excerpt: plain text in Atom; in RSS, HTML whose text is the excerpt and nothing runs
      String summary = read.get("summary").asText();
      if (read.get("summaryType").asText().equals("text/html")) {
        assertEquals(HOSTILE, Jsoup.parse(summary).text(), format);
        assertTrue(Jsoup.parse(summary).select("script").isEmpty(), format + ": " + summary);
      } else {
        assertEquals(HOSTILE, summary, format);
      }
      // the full body, sanitized by the server (a reader that trusts the feed runs nothing)
      String content = read.get("content").get(0).asText();
      assertEquals("<p>The <strong>harbour</strong> closes  at noon.</p>", content, format);
      assertEquals("text/html", read.get("contentType").get(0).asText(), format);
      assertEquals("Ines Varga", read.get("author").asText(), format);
      List<String> images = texts(read.get("images"));
      assertEquals(1, images.size(), format);
      assertTrue(images.get(0).contains("/media/" + photo + "/"), format + ": " + images);
    }
  }

  @Test
  void aFeedIsItsOwnTypeWhateverTheAcceptHeaderSays() {
    String category = Api.category();
    Api.published(category, "Accept headers are hints");
    Map<String, String> types =
        Map.of(
            "rss.xml", "application/rss+xml",
            "atom.xml", "application/atom+xml",
            "feed.json", "application/feed+json");
    for (String accept :
        List.of("text/html", "application/rss+xml", "application/json", "text/plain")) {
      for (Map.Entry<String, String> feed : types.entrySet()) {
        for (int read = 0; read < 2; read++) { // filled, then (once the cache is up) from memory
          given()
              .accept(accept)
              .get("/feeds/" + feed.getKey() + "?category=" + category)
              .then()
              .statusCode(200)
              .contentType(feed.getValue());
        }
      }
    }
  }

  @Test
  void feedsSayWhenTheyChangedAndAnswerIfModifiedSince() {
    TestClock.advance(Duration.ofSeconds(2)); // no change of another test in this second
    String category = Api.category();
    Api.published(category, "Lighthouse open days");
    for (String format : List.of("rss.xml", "atom.xml", "feed.json")) {
      String path = "/feeds/" + format + "?category=" + category;
      Response first = given().get(path);
      String modified = first.header("Last-Modified");
      assertTrue(modified != null && modified.endsWith("GMT"), format + ": " + modified);
      given().header("If-Modified-Since", modified).get(path).then().statusCode(304);
      String before = "Mon, 01 Jan 2024 00:00:00 GMT";
      given().header("If-Modified-Since", before).get(path).then().statusCode(200);
    }
    Response before = given().get("/feeds/rss.xml?category=" + category);
    TestClock.advance(Duration.ofSeconds(2)); // Last-Modified counts whole seconds
    Api.published(category, "Lighthouse open days: the dates");
    given()
        .header("If-Modified-Since", before.header("Last-Modified"))
        .get("/feeds/rss.xml?category=" + category)
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.containsString("Lighthouse open days: the dates"));

    // an article that leaves the feed moves Last-Modified too, though the newest entry is older
    Response withIt = given().get("/feeds/atom.xml?category=" + category);
    String newest = Api.published(category, "Lighthouse open days: cancelled");
    withIt = given().get("/feeds/atom.xml?category=" + category);
    TestClock.advance(Duration.ofSeconds(2));
    Api.unpublish(newest);
    given()
        .header("If-Modified-Since", withIt.header("Last-Modified"))
        .get("/feeds/atom.xml?category=" + category)
        .then()
        .statusCode(200)
        .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("cancelled")));
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}
