package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The low-severity findings of the attack and the review, each as it was found. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SmallerFindingsTest {

  /** {@code {"title":"<"}} with the {@code <} spelled as the overlong UTF-8 {@code C0 BC}. */
  private static byte[] overlong(String before, String after) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC0);
    bytes.write(0xBC);
    bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  @Test
  void invalidUtf8IsA400InBodiesQueriesPathsAndImportLines() {
    String category = Api.category();
    for (byte[] body :
        List.of(
            overlong("{\"title\":\"", "script\",\"category\":\"" + category + "\"}"),
            new byte[] {
              '{',
              '"',
              't',
              'i',
              't',
              'l',
              'e',
              '"',
              ':',
              '"',
              (byte) 0xED,
              (byte) 0xA0,
              (byte) 0x80,
              '"',
              '}'
            },
            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82})) {
      as(token("editor"))
          .contentType("application/json")
          .body(body)
          .post("/api/v1/manage/articles")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/invalid-encoding"));
    }
    as(token("editor"))
        .get("/api/v1/manage/articles?category=cat" + category.length())
        .then()
        .statusCode(200);
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/feed?tag=%C0%BC")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("tag"));
    given().urlEncodingEnabled(false).get("/api/v1/articles/%ED%A0%80").then().statusCode(400);

    String externalId = Api.unique("utf8");
    byte[] ndjson =
        overlong(
            "{\"externalId\":\""
                + externalId
                + "-1\",\"category\":\""
                + category
                + "\",\"title\":\"",
            "\"}\n{\"externalId\":\""
                + externalId
                + "-2\",\"category\":\""
                + category
                + "\",\"title\":\"Fine\"}\n");
    String report =
        as(token("editor"))
            .contentType("application/x-ndjson")
            .body(ndjson)
            .post("/api/v1/manage/import")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] lines = report.strip().split("\n");
    assertEquals(2, lines.length, report);
    assertTrue(lines[0].contains("\"status\":400") && lines[0].contains("UTF-8"), report);
    assertTrue(lines[1].contains("\"result\":\"created\""), report);
  }

  @Test
  void anEmptyIdempotencyKeyIsA400() {
    Api.create(token("editor"), Api.article(Api.category(), "Keyed"));
    as(token("editor"))
        .header("Idempotency-Key", "")
        .contentType(ContentType.JSON)
        .body(Api.article(Api.category(), "Empty key"))
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("Idempotency-Key"));
  }

  @Test
  void feedTimesTakeOffsetsLikePublishTimesDo() {
    String category = Api.category();
    String id = Api.draft(category, "Offsets");
    Api.publish(id, Map.of("publishAt", "2026-01-10T12:00:00+05:00")).then().statusCode(200);
    for (String after :
        List.of(
            "2026-01-10T06:00:00%2B05:00", "2026-01-10T06:00:00+05:00", "2026-01-10T01:00:00Z")) {
      given()
          .urlEncodingEnabled(false)
          .get("/api/v1/feed?category=" + category + "&after=" + after)
          .then()
          .statusCode(200)
          .body("items.slug", hasItem(Api.slug(id)));
    }
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/feed?category=" + category + "&after=2026-01-10T08:00:00%2B01:00")
        .then()
        .statusCode(200)
        .body("items", org.hamcrest.Matchers.empty());
  }

  @Test
  void concurrentCreatesWithOneTitleGetNumberedSlugsLikeSequentialOnes() throws Exception {
    String category = Api.category();
    String title = "Storm warning " + Api.unique("t");
    int creates = 12;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(creates);
    try {
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < creates; i++) {
        Callable<Response> create =
            () -> {
              start.await();
              return Api.create(token("editor"), Api.article(category, title));
            };
        results.add(pool.submit(create));
      }
      start.countDown();
      Set<String> slugs = new HashSet<>();
      for (Future<Response> result : results) {
        Response response = result.get();
        assertEquals(201, response.statusCode(), response.asString());
        slugs.add(response.path("slug"));
      }
      assertEquals(creates, slugs.size(), slugs.toString());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void publishingALiveArticleAgainChangesNothing() {
    String category = Api.category();
    String id = Api.published(category, "Published once");
    long changes = Api.allChanges().stream().filter(c -> id.equals(c.get("id"))).count();
    int revisions = revisions(id);
    Response again = Api.publish(id, null);
    again.then().statusCode(200);
    // no body, as README step 4 sends it (REST Assured labels it a form, curl sends no type)
    as(token("editor")).post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
    assertEquals(changes, Api.allChanges().stream().filter(c -> id.equals(c.get("id"))).count());
    assertEquals(revisions, revisions(id));
  }

  private static int revisions(String id) {
    return as(token("editor"))
        .get("/api/v1/manage/articles/" + id + "/revisions")
        .then()
        .statusCode(200)
        .extract()
        .path("page.totalItems");
  }

  @Test
  void aBackDatedFirstPublicationIsNotLabelledUpdated() {
    String id = Api.draft(Api.category(), "From the archive");
    Instant then =
        TestClock.now()
            .minus(Duration.ofDays(3))
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Api.publish(id, Map.of("publishAt", then.toString())).then().statusCode(200);
    given()
        .get("/api/v1/articles/" + Api.slug(id))
        .then()
        .statusCode(200)
        .body("publishedAt", equalTo(then.toString()))
        .body("updatedAt", equalTo(then.toString()));
  }

  @Test
  void searchRefusesACursorAndItsSnippetsKeepBlocksApart() {
    String category = Api.category();
    String word = "zyx" + Api.unique("w").substring(2, 8).replaceAll("[^a-z]", "q");
    Map<String, Object> body = Api.article(category, "Snippet " + word);
    body.put("subtitle", "The standfirst ends without a stop " + word);
    body.put("body", "## Heading " + word + "\n\nThe first paragraph of the body " + word + ".");
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    given()
        .get("/api/v1/search?q=" + word + "&cursor=not-a-cursor")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("cursor"));
    String snippet =
        given()
            .get("/api/v1/search?q=" + word + "&category=" + category)
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].snippet");
    assertFalse(snippet.contains("\n"), snippet);
    assertTrue(snippet.contains("</mark> · "), snippet);
  }

  @Test
  void autoExcerptsAreMadeOfParagraphsNotHeadingsOrListItems() {
    String category = Api.category();
    Map<String, Object> body = Api.article(category, "Night buses");
    body.put(
        "body", "## Routes\n\nThree night routes come back.\n\n- N1\n- N2\n- N3\n\nMore soon.");
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    given()
        .get("/api/v1/feed?category=" + category)
        .then()
        .body("items[0].excerpt", equalTo("Three night routes come back. More soon."));
  }

  @Test
  void rssDescriptionsAreEscapedHtmlSoNoScriptComesAlive() {
    String category = Api.category();
    Map<String, Object> body = Api.article(category, "Escaping");
    body.put("subtitle", "5 < 6 & \"x\" <script>alert(1)</script>");
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    String rss =
        given()
            .get("/feeds/rss.xml?category=" + category)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    // XML-escaped HTML-escaped text: a reader that takes the description as HTML shows the text
    assertTrue(
        rss.contains(
            "<description>5 &amp;lt; 6 &amp;amp; &amp;quot;x&amp;quot; &amp;lt;script&amp;gt;"),
        rss);
    given()
        .get("/feeds/atom.xml?category=" + category)
        .then()
        .body(containsString("<summary type=\"text\">5 &lt; 6 &amp;"))
        .body(not(containsString("&amp;lt;")));
  }
}
