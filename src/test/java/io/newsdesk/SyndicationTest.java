package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** RSS, Atom and JSON Feed parse with real parsers and carry absolute links and excerpts. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SyndicationTest {

  private static final String BASE = "http://localhost:8080";
  private static final String BODY_HTML = "<p>Boats <em>leave</em> at ten.</p>";

  private static SyndFeed parse(String path, String contentType) throws Exception {
    byte[] body =
        given().get(path).then().statusCode(200).contentType(contentType).extract().asByteArray();
    return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(body)));
  }

  private String[] story() {
    String category = Api.category();
    Map<String, Object> input = Api.article(category, "Ferry timetable & winter fares");
    input.put("subtitle", "Boats run every forty minutes from December");
    input.put("byline", java.util.List.of("Mara Quist"));
    input.put("body", "Boats *leave* at ten.");
    String photo =
        AssetTest.upload(TestImages.jpeg(800, 600), "image/jpeg").then().extract().path("id");
    input.put("image", Map.of("asset", photo, "alt", "A ferry"));
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    return new String[] {category, id, Api.slug(id)};
  }

  @Test
  void characterReferencesXmlCannotCarryDoNotBreakTheFeeds() throws Exception {
    String category = Api.category();
    Map<String, Object> input = Api.article(category, "Odd characters");
    input.put("bodyFormat", "html");
    input.put("body", "<p>A &#65535; and a &#xFFFE; and a &#1; in the copy.</p>");
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    for (String[] feed :
        new String[][] {
          {"/feeds/rss.xml?category=", "application/rss+xml"},
          {"/feeds/atom.xml?category=", "application/atom+xml"}
        }) {
      SyndFeed parsed = parse(feed[0] + category, feed[1]);
      assertEquals("Odd characters", parsed.getEntries().get(0).getTitle());
    }
    // Sent as JSON text, the non-characters are refused outright.
    Api.create(Api.token("editor"), Api.article(category, "Bad \uFFFF title"))
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("title"));
  }

  @Test
  void rssIsValidRss2WithAbsoluteLinks() throws Exception {
    String[] story = story();
    SyndFeed feed = parse("/feeds/rss.xml?category=" + story[0], "application/rss+xml");
    assertEquals("rss_2.0", feed.getFeedType());
    assertTrue(feed.getTitle().endsWith("Section " + story[0]), feed.getTitle());
    assertEquals(BASE + "/", feed.getLink());
    assertEquals(1, feed.getEntries().size());
    SyndEntry entry = feed.getEntries().get(0);
    assertEquals("Ferry timetable & winter fares", entry.getTitle());
    assertEquals(BASE + "/articles/" + story[2], entry.getLink());
    assertEquals("urn:uuid:" + story[1], entry.getUri());
    assertEquals("Boats run every forty minutes from December", entry.getDescription().getValue());
    assertNotNull(entry.getPublishedDate());
    assertEquals(BODY_HTML, entry.getContents().get(0).getValue(), "content:encoded");
    assertEquals("Mara Quist", entry.getAuthor());
    assertEquals(1, entry.getEnclosures().size());
    assertTrue(entry.getEnclosures().get(0).getUrl().matches(BASE + "/media/.*/w\\d+\\.jpg"));
    assertEquals("image/jpeg", entry.getEnclosures().get(0).getType());
    String xml = given().get("/feeds/rss.xml?category=" + story[0]).asString();
    assertTrue(
        xml.contains(
            "<atom:link href=\""
                + BASE
                + "/feeds/rss.xml?category="
                + story[0]
                + "\" rel=\"self\" type=\"application/rss+xml\" />"),
        xml);
  }

  @Test
  void atomIsValidAtom1WithIdsAuthorsAndUpdates() throws Exception {
    String[] story = story();
    SyndFeed feed = parse("/feeds/atom.xml?category=" + story[0], "application/atom+xml");
    assertEquals("atom_1.0", feed.getFeedType());
    assertEquals(BASE + "/feeds/atom.xml?category=" + story[0], feed.getUri());
    SyndEntry entry = feed.getEntries().get(0);
    assertEquals("urn:uuid:" + story[1], entry.getUri());
    assertEquals(BASE + "/articles/" + story[2], entry.getLink());
    assertEquals("Mara Quist", entry.getAuthors().get(0).getName());
    assertEquals("html", entry.getContents().get(0).getType());
    assertEquals(BODY_HTML, entry.getContents().get(0).getValue());
    assertEquals("enclosure", entry.getLinks().get(1).getRel());
    assertNotNull(entry.getUpdatedDate());
    assertNotNull(entry.getPublishedDate());
  }

  @Test
  void jsonFeedFollowsVersion11() throws IOException {
    String[] story = story();
    JsonNode feed =
        new ObjectMapper()
            .readTree(
                given()
                    .get("/feeds/feed.json?category=" + story[0])
                    .then()
                    .statusCode(200)
                    .contentType("application/feed+json")
                    .extract()
                    .asByteArray());
    assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText());
    assertEquals(BASE + "/feeds/feed.json?category=" + story[0], feed.path("feed_url").asText());
    assertEquals(BASE + "/", feed.path("home_page_url").asText());
    JsonNode item = feed.path("items").get(0);
    assertEquals(story[1], item.path("id").asText());
    assertEquals(BASE + "/articles/" + story[2], item.path("url").asText());
    assertEquals(BODY_HTML, item.path("content_html").asText());
    assertTrue(item.path("content_text").isMissingNode(), "one of content_text and content_html");
    assertEquals("Boats run every forty minutes from December", item.path("summary").asText());
    assertTrue(item.path("image").asText().startsWith(BASE + "/media/"));
    assertEquals("Mara Quist", item.path("authors").get(0).path("name").asText());
    Instant.parse(item.path("date_published").asText());
  }

  @Test
  void theOverallFeedsListTheNewestFirstAndDraftsNever() throws Exception {
    String[] story = story();
    String draft = Api.draft(story[0], "Unpublished notes");
    SyndFeed rss = parse("/feeds/rss.xml", "application/rss+xml");
    assertEquals("urn:uuid:" + story[1], rss.getEntries().get(0).getUri());
    assertTrue(rss.getEntries().stream().noneMatch(e -> e.getUri().endsWith(draft)));
  }

  @Test
  void anUnknownCategoryIsA404() {
    for (String feed : new String[] {"rss.xml", "atom.xml", "feed.json"}) {
      given()
          .get("/feeds/" + feed + "?category=" + Api.unique("nope"))
          .then()
          .statusCode(404)
          .contentType("application/problem+json");
    }
    given()
        .get("/feeds/rss.xml?category=Not%20A%20Slug")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }
}
