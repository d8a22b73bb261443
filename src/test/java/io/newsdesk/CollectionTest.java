package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Curated pages: the editors' order first, then the fill, only what readers may see. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class CollectionTest {

  private static Response put(String slug, String ifMatch, Map<String, Object> body) {
    var request = as(token("editor")).contentType(ContentType.JSON).body(body);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.put("/api/v1/manage/collections/" + slug);
  }

  private static Map<String, Object> page(int size, Map<String, Object> fill, Object... items) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", "Front page");
    body.put("size", size);
    if (fill != null) {
      body.put("fill", fill);
    }
    List<Object> list = new ArrayList<>();
    for (Object item : items) {
      list.add(item instanceof Map<?, ?> ? item : Map.of("article", item));
    }
    body.put("items", list);
    return body;
  }

  /** What readers get, read twice so the second answer may come from the cache. */
  private static List<String> shown(String slug) {
    given().get("/api/v1/collections/" + slug).then().statusCode(200);
    return given()
        .get("/api/v1/collections/" + slug)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id");
  }

  /** {@code count} articles published one after another in a new category, oldest first. */
  private static List<String> publishedIn(String category, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(Api.published(category, "Curated story " + i));
    }
    return ids;
  }

  @Test
  void curatedItemsComeFirstInOrderThenTheNewestOfTheFillNotAlreadyShown() {
    String category = Api.category();
    List<String> a = publishedIn(category, 5);
    String draft = Api.draft(category, "Not ready yet");
    String slug = Api.unique("front");
    put(slug, null, page(4, Map.of("category", category), a.get(1), draft, a.get(3)))
        .then()
        .statusCode(201)
        .header("Location", "/api/v1/manage/collections/" + slug)
        .header("ETag", "\"0\"");
    // the draft leaves no hole; the fill skips what is already shown
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(a.get(1), a.get(3), a.get(4), a.get(2)), shown(slug));
    given()
        .get("/api/v1/collections/" + slug)
        .then()
        .header("Surrogate-Key", containsString("collection:" + slug))
        .body("name", equalTo("Front page"))
        .body("items[0].title", equalTo("Curated story 1"));
    as(token("editor"))
        .get("/api/v1/manage/collections/" + slug)
        .then()
        .statusCode(200)
        .header("ETag", "\"0\"")
        .body("items.visible", equalTo(List.of(true, false, true)))
        .body("items[1].title", equalTo("Not ready yet"))
        .body("fill.category", equalTo(category));
  }

  @Test
  void unpublishedAndArchivedItemsAreSkippedAndComeBackWhenPublishedAgain() {
    String category = Api.category();
    List<String> a = publishedIn(category, 3);
    String slug = Api.unique("front");
    put(slug, null, page(2, null, a.get(0), a.get(1), a.get(2))).then().statusCode(201);
    org.junit.jupiter.api.Assertions.assertEquals(List.of(a.get(0), a.get(1)), shown(slug));

    Api.unpublish(a.get(0));
    org.junit.jupiter.api.Assertions.assertEquals(List.of(a.get(1), a.get(2)), shown(slug));
    Api.archive(a.get(1));
    org.junit.jupiter.api.Assertions.assertEquals(List.of(a.get(2)), shown(slug));
    Api.publish(a.get(0), null).then().statusCode(200);
    org.junit.jupiter.api.Assertions.assertEquals(List.of(a.get(0), a.get(2)), shown(slug));
  }

  @Test
  void aScheduledItemAppearsInPlaceAtItsTimeAndAnItemLeavesAtItsUntil() {
    String category = Api.category();
    List<String> a = publishedIn(category, 2);
    String later = Api.draft(category, "Embargoed curated story");
    Instant at = TestClock.now().plusSeconds(60);
    Api.publish(later, Map.of("publishAt", at.toString())).then().statusCode(200);
    String slug = Api.unique("breaking");
    Map<String, Object> ending =
        Map.of("article", a.get(0), "until", TestClock.now().plusSeconds(120).toString());
    put(slug, null, page(5, null, later, ending, a.get(1))).then().statusCode(201);
    org.junit.jupiter.api.Assertions.assertEquals(List.of(a.get(0), a.get(1)), shown(slug));

    TestClock.advance(Duration.ofSeconds(60));
    org.junit.jupiter.api.Assertions.assertEquals(List.of(later, a.get(0), a.get(1)), shown(slug));
    TestClock.advance(Duration.ofSeconds(60));
    org.junit.jupiter.api.Assertions.assertEquals(List.of(later, a.get(1)), shown(slug));
  }

  @Test
  void aTagCanFillTheRest() {
    String tag = Api.unique("curated");
    Map<String, Object> body = Api.article(Api.category(), "Tagged for the strip");
    body.put("tags", List.of(tag));
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    Api.published(Api.category(), "Untagged elsewhere");
    String slug = Api.unique("strip");
    put(slug, null, page(3, Map.of("tag", tag))).then().statusCode(201);
    org.junit.jupiter.api.Assertions.assertEquals(List.of(id), shown(slug));
  }

  @Test
  void twoEditorsReorderingNeverOverwriteEachOther() {
    String category = Api.category();
    List<String> a = publishedIn(category, 2);
    String slug = Api.unique("front");
    put(slug, "\"0\"", page(2, null, a.get(0))).then().statusCode(412);
    put(slug, null, page(2, null, a.get(0), a.get(1))).then().statusCode(201);
    put(slug, null, page(2, null, a.get(1), a.get(0)))
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    String etag = as(token("editor")).get("/api/v1/manage/collections/" + slug).header("ETag");
    put(slug, etag, page(2, null, a.get(1), a.get(0)))
        .then()
        .statusCode(200)
        .header("ETag", "\"1\"");
    put(slug, etag, page(2, null, a.get(0)))
        .then()
        .statusCode(412)
        .header("ETag", "\"1\"")
        .contentType("application/problem+json");
    org.junit.jupiter.api.Assertions.assertEquals(List.of(a.get(1), a.get(0)), shown(slug));

    as(token("contributor")).get("/api/v1/manage/collections/" + slug).then().statusCode(403);
    as(token("editor")).delete("/api/v1/manage/collections/" + slug).then().statusCode(204);
    given().get("/api/v1/collections/" + slug).then().statusCode(404);
  }

  @Test
  void badCollectionsAreRefusedNamingTheField() {
    String id = Api.published(Api.category(), "Valid curated story");
    String slug = Api.unique("front");
    put(slug, null, page(2, null, java.util.UUID.randomUUID().toString()))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("items[0].article"));
    put(slug, null, page(2, null, id, id))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("items[1].article"));
    put(slug, null, page(0, null, id))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("size"));
    put(slug, null, page(2, Map.of("category", "a", "tag", "b"), id))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("fill"));
    given().get("/api/v1/collections/" + slug).then().statusCode(404);
    given().get("/api/v1/collections/NOT%20A%20SLUG").then().statusCode(400);
  }
}
