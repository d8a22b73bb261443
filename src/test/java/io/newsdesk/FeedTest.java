package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class FeedTest {

  /**
   * Publishes {@code count} articles back-dated one minute apart; returns their slugs, newest
   * first.
   */
  private static List<String> publishSeries(String category, int count, Instant newest) {
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = Api.draft(category, "Series item " + i);
      Instant at = newest.minus(i, ChronoUnit.MINUTES);
      slugs.add(
          Api.publish(id, Map.of("publishAt", at.toString()))
              .then()
              .statusCode(200)
              .extract()
              .path("slug"));
    }
    return slugs;
  }

  private static JsonPath page(String category, String cursor, int limit) {
    var request = given().queryParam("category", category).queryParam("limit", limit);
    if (cursor != null) {
      request.queryParam("cursor", cursor);
    }
    return request.get("/api/v1/feed").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void cursorPagesHaveNoDuplicatesAndNoGapsWhileNewArticlesArePublished() {
    String category = Api.category();
    Instant base = Instant.now().minus(1, ChronoUnit.DAYS);
    List<String> expected = publishSeries(category, 7, base);

    List<String> seen = new ArrayList<>();
    JsonPath first = page(category, null, 3);
    seen.addAll(first.getList("items.slug"));
    assertNull(first.get("page.prev"));
    String cursor = first.getString("page.next");
    int fresh = 0;
    while (cursor != null) {
      // Someone publishes a new story between page fetches: it must not shift what follows.
      Api.published(category, "Breaking while scrolling " + fresh++);
      JsonPath next = page(category, cursor, 3);
      seen.addAll(next.getList("items.slug"));
      cursor = next.getString("page.next");
    }
    assertEquals(expected, seen);
    assertEquals(seen.size(), new HashSet<>(seen).size());
  }

  @Test
  void prevCursorLeadsBackToTheNewerPage() {
    String category = Api.category();
    List<String> slugs = publishSeries(category, 5, Instant.now().minus(2, ChronoUnit.DAYS));
    JsonPath first = page(category, null, 2);
    JsonPath second = page(category, first.getString("page.next"), 2);
    assertEquals(slugs.subList(2, 4), second.getList("items.slug"));
    JsonPath back = page(category, second.getString("page.prev"), 2);
    assertEquals(slugs.subList(0, 2), back.getList("items.slug"));
    assertNull(back.get("page.prev"));
    JsonPath last = page(category, second.getString("page.next"), 2);
    assertEquals(slugs.subList(4, 5), last.getList("items.slug"));
    assertNull(last.get("page.next"));
  }

  @Test
  void tiesOnPublishedAtAreOrderedById() {
    String category = Api.category();
    Instant same = Instant.parse("2025-06-01T12:00:00Z");
    List<String[]> idAndSlug = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String id = Api.draft(category, "Tie " + i);
      String slug =
          Api.publish(id, Map.of("publishAt", same.toString())).then().extract().path("slug");
      idAndSlug.add(new String[] {id, slug});
    }
    // PostgreSQL orders uuids as unsigned bytes, which is the order of their lowercase hex strings.
    idAndSlug.sort((a, b) -> b[0].compareTo(a[0]));
    List<String> expected = idAndSlug.stream().map(p -> p[1]).toList();

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      JsonPath p = page(category, cursor, 1);
      seen.addAll(p.getList("items.slug"));
      cursor = p.getString("page.next");
    } while (cursor != null);
    assertEquals(expected, seen);
  }

  @Test
  void pageNumberModeGivesTotalsAndLinks() {
    String category = Api.category();
    List<String> slugs = publishSeries(category, 5, Instant.now().minus(3, ChronoUnit.DAYS));
    given()
        .queryParam("category", category)
        .queryParam("page", 2)
        .queryParam("limit", 2)
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .header("Link", containsString("page=3"))
        .header("Link", containsString("rel=\"next\""))
        .header("Link", containsString("page=1"))
        .body("items.slug", equalTo(slugs.subList(2, 4)))
        .body("page.number", equalTo(2))
        .body("page.totalItems", equalTo(5))
        .body("page.totalPages", equalTo(3))
        .body("page.limit", equalTo(2))
        .body("page.next", equalTo("3")) // numbers, to pass back as page
        .body("page.prev", equalTo("1"));
    given()
        .queryParam("category", category)
        .queryParam("page", 3)
        .queryParam("limit", 2)
        .get("/api/v1/feed")
        .then()
        .body("page.next", nullValue())
        .body("page.prev", equalTo("2"));
    given()
        .queryParam("category", category)
        .queryParam("page", 9)
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items", hasSize(0))
        .body("page.totalItems", equalTo(5))
        .body("page.next", nullValue())
        .body("page.prev", equalTo("1"));
    // Past the end, "prev" still leads to a page that exists.
    given()
        .queryParam("category", Api.unique("empty"))
        .queryParam("page", 3)
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .header("Link", nullValue());
  }

  @Test
  void cursorModeSendsNextLinkAndNoTotals() {
    String category = Api.category();
    publishSeries(category, 3, Instant.now().minus(4, ChronoUnit.DAYS));
    given()
        .queryParam("category", category)
        .queryParam("limit", 2)
        .get("/api/v1/feed")
        .then()
        .header("Link", containsString("/api/v1/feed?"))
        .header("Link", containsString("cursor="))
        .header("Link", containsString("rel=\"next\""))
        .body("page.next", notNullValue())
        .body("page.totalItems", nullValue())
        .body("page.number", nullValue());
  }

  @Test
  void unknownCategoryGivesAnEmptyPage() {
    given()
        .queryParam("category", "no-such-section")
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @Test
  void limitDefaultsToTwentyAndIsBounded() {
    given().get("/api/v1/feed").then().statusCode(200).body("page.limit", equalTo(20));
    for (String bad : List.of("0", "101", "abc", "-1", "99999999999")) {
      given()
          .queryParam("limit", bad)
          .get("/api/v1/feed")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("limit"));
    }
    given()
        .queryParam("limit", "101")
        .get("/api/v1/feed")
        .then()
        .body("errors[0].message", equalTo("must be between 1 and 100"));
  }

  @Test
  void tamperedOrMalformedCursorsAre400s() {
    String category = Api.category();
    publishSeries(category, 3, Instant.now().minus(5, ChronoUnit.DAYS));
    String cursor = page(category, null, 1).getString("page.next");
    char flipped = cursor.charAt(10) == 'A' ? 'B' : 'A';
    String tampered = cursor.substring(0, 10) + flipped + cursor.substring(11);
    for (String bad :
        List.of(
            tampered, cursor.substring(0, cursor.length() - 2), "not-a-cursor", "%%%", "AAAA")) {
      given()
          .queryParam("cursor", bad)
          .get("/api/v1/feed")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("cursor"));
    }
    assertTrue(page(category, cursor, 1).getList("items").size() == 1);
  }

  @Test
  void pageModeTotalsAreExactAfterEveryPublishUnpublishAndScheduleComingDue() {
    String category = Api.category();
    String first = Api.published(category, "Counted story one");
    // a new limit each time: the response cache misses, the kept count is what is read
    java.util.concurrent.atomic.AtomicInteger limit =
        new java.util.concurrent.atomic.AtomicInteger(10);
    java.util.function.IntSupplier total =
        () ->
            given()
                .queryParam("category", category)
                .queryParam("page", 1)
                .queryParam("limit", limit.incrementAndGet())
                .get("/api/v1/feed")
                .then()
                .statusCode(200)
                .extract()
                .path("page.totalItems");
    assertEquals(1, total.getAsInt());
    assertEquals(1, total.getAsInt());
    Api.published(category, "Counted story two");
    assertEquals(2, total.getAsInt());
    Api.as(Api.token("editor"))
        .post("/api/v1/manage/articles/" + first + "/unpublish")
        .then()
        .statusCode(200);
    assertEquals(1, total.getAsInt());
    String third = Api.draft(category, "Counted story three");
    Api.publish(third, Map.of("publishAt", TestClock.now().plusSeconds(60).toString()))
        .then()
        .statusCode(200);
    assertEquals(1, total.getAsInt(), "scheduled, not yet counted");
    TestClock.advance(java.time.Duration.ofSeconds(61));
    assertEquals(2, total.getAsInt(), "counted the moment it is due, with no write in between");
  }

  @Test
  void scheduledArticleAppearsOnceItsTimeHasCome() {
    String category = Api.category();
    String id = Api.draft(category, "Embargoed report");
    Instant at = TestClock.now().plusSeconds(60);
    String slug =
        Api.publish(id, Map.of("publishAt", at.toString()))
            .then()
            .statusCode(200)
            .body("status", equalTo("scheduled"))
            .body("publishAt", notNullValue())
            .body("publishedAt", nullValue())
            .extract()
            .path("slug");
    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    given().queryParam("category", category).get("/api/v1/feed").then().body("items", hasSize(0));

    TestClock.advance(java.time.Duration.ofSeconds(59));
    given().get("/api/v1/articles/" + slug).then().statusCode(404); // a second early
    TestClock.advance(java.time.Duration.ofSeconds(1));
    // readers see it the moment it is due: no job has to run first
    given().get("/api/v1/articles/" + slug).then().statusCode(200);
    Api.awaitReleased(id);
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items.slug", equalTo(List.of(slug)));
  }
}
