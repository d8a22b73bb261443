package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdesk.cache.ResponseCache;
import io.newsdesk.cache.SurrogateKeys;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hot read paths run a fixed, small number of SQL statements, whatever the data (no N+1). */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class StatementCountTest {

  @Inject SessionFactory sessionFactory;
  @Inject ResponseCache cache;

  private String category;
  private String slug;
  private String withPhoto;
  private String photoCategory;
  private String collection;

  /** Five stories, and five more with photos (two different ones) in a category of their own. */
  @BeforeEach
  void publishSome() {
    category = Api.category();
    for (int i = 0; i < 5; i++) {
      slug = publish(Api.draft(category, "Counted story " + i), i);
    }
    String photos = Api.category();
    List<String> assets =
        List.of(
            AssetTest.upload(TestImages.jpeg(400, 300), "image/jpeg").path("id"),
            AssetTest.upload(TestImages.jpeg(300, 400), "image/jpeg").path("id"));
    // two authors, one with an avatar: their cards come with the teasers, the avatar with the
    // photos
    String pictured = Api.unique("counted");
    String plain = Api.unique("counted");
    for (String author : List.of(pictured, plain)) {
      Map<String, Object> profile = new java.util.HashMap<>(Map.of("slug", author, "name", author));
      if (author.equals(pictured)) {
        profile.put("avatar", Map.of("asset", assets.get(0)));
      }
      Api.as(Api.token("editor"))
          .contentType(io.restassured.http.ContentType.JSON)
          .body(profile)
          .post("/api/v1/manage/authors")
          .then()
          .statusCode(201);
    }
    List<Map<String, String>> items = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> body = Api.article(photos, "Counted photo story " + i);
      body.put("image", Map.of("asset", assets.get(i % 2)));
      body.put("authors", List.of(pictured, plain));
      body.put("tags", List.of("counted", "photos"));
      String id = Api.create(Api.token("editor"), body).then().statusCode(201).extract().path("id");
      withPhoto = publish(id, i);
      items.add(Map.of("article", id));
    }
    photoCategory = photos;
    collection = Api.unique("counted");
    Api.as(Api.token("editor"))
        .contentType(io.restassured.http.ContentType.JSON)
        .body(
            Map.of(
                "name", "Counted", "items", items, "size", 8, "fill", Map.of("category", category)))
        .put("/api/v1/manage/collections/" + collection)
        .then()
        .statusCode(201);
  }

  private static String publish(String id, int i) {
    return Api.publish(id, Map.of("publishAt", Instant.now().minusSeconds(60 + i).toString()))
        .then()
        .extract()
        .path("slug");
  }

  /**
   * Statements a request runs when it is not in the response cache. The counter is global and
   * background work (the schedule check) can add to it, never subtract: the least of three tries is
   * the request's own count.
   */
  private long statementsFor(Runnable request) {
    Statistics statistics = sessionFactory.getStatistics();
    long least = Long.MAX_VALUE;
    for (int attempt = 0; attempt < 3; attempt++) {
      cache.invalidate(List.of(SurrogateKeys.ALL), null, false);
      long before = statistics.getPrepareStatementCount();
      request.run();
      least = Math.min(least, statistics.getPrepareStatementCount() - before);
    }
    return least;
  }

  /** A story whose title thirty others had costs the statements of the second, no more. */
  @Test
  void aCreateLooksForAFreeSlugInOneStatement() {
    String title = "Live updates " + Api.unique("t").substring(2);
    Statistics statistics = sessionFactory.getStatistics();
    long early = Long.MAX_VALUE; // the least of three, as in statementsFor
    long late = Long.MAX_VALUE;
    for (int i = 1; i <= 33; i++) {
      long before = statistics.getPrepareStatementCount();
      Api.create(Api.token("editor"), Api.article(category, title)).then().statusCode(201);
      long used = statistics.getPrepareStatementCount() - before;
      if (i >= 2 && i <= 4) {
        early = Math.min(early, used);
      } else if (i >= 31) {
        late = Math.min(late, used);
      }
    }
    assertEquals(early, late);
  }

  @Test
  void articleBySlugIsOneStatementAndOneMoreForItsPhoto() {
    assertEquals(
        1, statementsFor(() -> given().get("/api/v1/articles/" + slug).then().statusCode(200)));
    assertEquals(
        2,
        statementsFor(() -> given().get("/api/v1/articles/" + withPhoto).then().statusCode(200)));
  }

  @Test
  void theFeedReadsThePhotosOfAPageInOneStatement() {
    assertEquals(
        2,
        statementsFor(
            () ->
                given()
                    .queryParam("category", photoCategory)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)));
    assertEquals(
        2,
        statementsFor(
            () ->
                given()
                    .queryParam("q", "counted photo story")
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)));
  }

  @Test
  void aCollectionIsThreeStatementsWhateverItsSize() {
    // the collection, its teasers (curated and filled, with the next end of an item), the pictures
    assertEquals(
        3,
        statementsFor(
            () ->
                given()
                    .get("/api/v1/collections/" + collection)
                    .then()
                    .statusCode(200)
                    .body("items.size()", org.hamcrest.Matchers.equalTo(8))));
  }

  @Test
  void anOldSlugIsTwoStatements() {
    String id = Api.draft(category, "Renamed counted story");
    Api.publish(id, null).then().statusCode(200);
    String old = Api.slug(id);
    Api.replace(id, Api.with(Api.article(category, "Renamed"), "slug", Api.unique("renamed")))
        .then()
        .statusCode(200);
    assertEquals(
        2,
        statementsFor(
            () ->
                given()
                    .redirects()
                    .follow(false)
                    .get("/api/v1/articles/" + old)
                    .then()
                    .statusCode(301)));
  }

  @Test
  void feedPageIsOneStatementInCursorModeAndInNumberModeOnceTheCountIsKept() {
    assertEquals(
        1,
        statementsFor(
            () ->
                given()
                    .queryParam("category", category)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)));
    // other tests' photos may be among the newest 100: one statement for the rows, one for photos
    assertTrue(
        statementsFor(
                () -> given().queryParam("limit", 100).get("/api/v1/feed").then().statusCode(200))
            <= 2);
    // the rows, the count and when the next scheduled article comes due (until when it holds)
    assertEquals(
        3,
        statementsFor(
            () ->
                given()
                    .queryParam("category", category)
                    .queryParam("page", 1)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)));
    // other pages of the same filter, with no write in between: the count is kept, only the
    // rows are read (each URI is new, so the response cache has none of them)
    Statistics statistics = sessionFactory.getStatistics();
    long least = Long.MAX_VALUE;
    for (int limit = 2; limit <= 4; limit++) {
      long before = statistics.getPrepareStatementCount();
      given()
          .queryParam("category", category)
          .queryParam("page", 2)
          .queryParam("limit", limit)
          .get("/api/v1/feed")
          .then()
          .statusCode(200)
          .header("X-Cache", "MISS");
      least = Math.min(least, statistics.getPrepareStatementCount() - before);
    }
    assertEquals(1, least);
  }

  @Test
  void categoryListIsTwoStatementsWhateverItsSize() {
    assertEquals(2, statementsFor(() -> given().get("/api/v1/categories").then().statusCode(200)));
  }
}
