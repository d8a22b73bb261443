package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feed narrows by tag and by publication window, in both page modes. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class FeedFilterTest {

  private static String publishedAt(String category, String title, List<String> tags, Instant at) {
    Map<String, Object> input = Api.article(category, title);
    input.put("tags", tags);
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, Map.of("publishAt", at.toString())).then().statusCode(200);
    return id;
  }

  @Test
  void tagBeforeAndAfterNarrowTheFeed() {
    String category = Api.category();
    String tag = Api.unique("tag");
    Instant base = Instant.parse("2024-03-01T12:00:00Z");
    String oldest = publishedAt(category, "One", List.of(tag), base);
    String middle = publishedAt(category, "Two", List.of(tag, "other"), base.plusSeconds(3600));
    String untagged = publishedAt(category, "Three", List.of(), base.plusSeconds(7200));
    String newest = publishedAt(category, "Four", List.of(tag), base.plusSeconds(10800));

    given()
        .queryParam("tag", tag)
        .get("/api/v1/feed")
        .then()
        .body("items.id", contains(newest, middle, oldest));
    given()
        .queryParam("category", category)
        .queryParam("before", base.plusSeconds(10800).toString())
        .queryParam("after", base.toString())
        .get("/api/v1/feed")
        .then()
        .body("items.id", contains(untagged, middle));
    given()
        .queryParam("tag", tag)
        .queryParam("after", base.toString())
        .queryParam("page", 1)
        .queryParam("limit", 1)
        .get("/api/v1/feed")
        .then()
        .body("items.id", contains(newest))
        .body("page.totalItems", equalTo(2));
    String next =
        given()
            .queryParam("tag", tag)
            .queryParam("limit", 2)
            .get("/api/v1/feed")
            .then()
            .extract()
            .path("page.next");
    given()
        .queryParam("tag", tag)
        .queryParam("limit", 2)
        .queryParam("cursor", next)
        .get("/api/v1/feed")
        .then()
        .body("items.id", contains(oldest))
        .body("page.next", equalTo(null));
  }

  @Test
  void anUnknownTagGivesAnEmptyPage() {
    given()
        .queryParam("tag", Api.unique("never-used"))
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void malformedFiltersAre400sNamingTheParameter() {
    Map<String, String> bad =
        Map.of(
            "before", "yesterday",
            "after", "2026-13-01T00:00:00Z",
            "tag", "Not A Slug",
            "category", "x".repeat(101));
    bad.forEach(
        (name, value) ->
            given()
                .queryParam(name, value)
                .get("/api/v1/feed")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(name)));
    given()
        .queryParam("before", "+300000-01-01T00:00:00Z")
        .get("/api/v1/feed")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("before"));
  }
}
