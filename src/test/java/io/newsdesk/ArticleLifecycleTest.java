package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ArticleLifecycleTest {

  @TestHTTPResource("/")
  URI base;

  @Test
  void editorPostsPublishesAndReadersReadUntilUnpublished() {
    String category = Api.category();
    Map<String, Object> input = Api.article(category, "Harbour reopens after the storm");
    input.put("subtitle", "Ferries sail again as the wind drops below gale force");
    input.put(
        "body",
        "## Back to normal\n\nThe first ferry left at *six*.\n\n> We are glad to be moving.\n\n- one\n- two");
    input.put("tags", List.of("weather", "transport"));
    input.put("byline", List.of("Ana Lima"));
    String id =
        Api.create(token("editor"), input)
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/manage/articles/"))
            .header("ETag", equalTo("\"0\""))
            .body("status", equalTo("draft"))
            .body("slug", equalTo("harbour-reopens-after-the-storm"))
            .body("body.markdown", containsString("## Back to normal"))
            .body("publishedAt", nullValue())
            .extract()
            .path("id");

    // A draft is invisible: 404 by slug, exactly like a slug that never existed, and not in the
    // feed.
    var draftAnswer =
        given()
            .get("/api/v1/articles/harbour-reopens-after-the-storm")
            .then()
            .statusCode(404)
            .extract();
    var unknownAnswer =
        given().get("/api/v1/articles/never-written-story").then().statusCode(404).extract();
    org.junit.jupiter.api.Assertions.assertEquals(
        unknownAnswer.jsonPath().getString("title"), draftAnswer.jsonPath().getString("title"));
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items", equalTo(List.of()));

    Api.publish(id, null)
        .then()
        .statusCode(200)
        .body("status", equalTo("published"))
        .body("publishedAt", notNullValue());

    given()
        .get("/api/v1/articles/harbour-reopens-after-the-storm")
        .then()
        .statusCode(200)
        .contentType(ContentType.JSON)
        .body("id", equalTo(id))
        .body("title", equalTo("Harbour reopens after the storm"))
        .body("category.slug", equalTo(category))
        .body("body.html", containsString("<h2>Back to normal</h2>"))
        .body("body.html", containsString("<em>six</em>"))
        .body("body.html", containsString("<blockquote>"))
        .body("body.html", containsString("<li>one</li>"))
        .body("body.text", containsString("The first ferry left at six."))
        .body("body.markdown", nullValue())
        .body("status", nullValue())
        .body("version", nullValue())
        .body("tags.slug", equalTo(List.of("weather", "transport")))
        .body("tags.name", equalTo(List.of("weather", "transport")))
        .body("authors", equalTo(List.of()))
        .body("byline", equalTo(List.of("Ana Lima")))
        .body("wordCount", equalTo(17))
        .body("readingTimeMinutes", equalTo(1))
        .body("publishedAt", notNullValue())
        .body("firstPublishedAt", notNullValue());

    // Its teaser is at the top of the feed, overall and in its category.
    given()
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items[0].slug", equalTo("harbour-reopens-after-the-storm"))
        .body("items[0].title", equalTo("Harbour reopens after the storm"))
        .body("items[0].excerpt", equalTo("Ferries sail again as the wind drops below gale force"))
        .body("items[0].category.slug", equalTo(category))
        .body("items[0].category.name", equalTo("Section " + category))
        .body("items[0].publishedAt", notNullValue())
        .body("items[0].body", nullValue());
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items.slug", equalTo(List.of("harbour-reopens-after-the-storm")));

    as(token("editor"))
        .post("/api/v1/manage/articles/" + id + "/unpublish")
        .then()
        .statusCode(200)
        .body("status", equalTo("draft"));

    given().get("/api/v1/articles/harbour-reopens-after-the-storm").then().statusCode(404);
    given()
        .get("/api/v1/feed")
        .then()
        .body("items.slug", everyItem(not(equalTo("harbour-reopens-after-the-storm"))));
  }

  /** As {@code curl -X POST}: no body and no Content-Type (REST Assured always sends one). */
  @Test
  void publishNeedsNoBodyAndNoMediaType() throws Exception {
    String id = Api.draft(Api.category(), "Published by a bare POST");
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("api/v1/manage/articles/" + id + "/publish"))
                    .header("Authorization", "Bearer " + token("editor"))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    org.junit.jupiter.api.Assertions.assertEquals(200, answer.statusCode(), answer.body());
    given().get("/api/v1/articles/" + Api.slug(id)).then().statusCode(200);
  }

  @Test
  void archivedArticleLeavesDeliveryButEditorsStillSeeIt() {
    String category = Api.category();
    String id = Api.published(category, "Archive me later");
    String slug =
        as(token("editor")).get("/api/v1/manage/articles/" + id).then().extract().path("slug");
    given().get("/api/v1/articles/" + slug).then().statusCode(200);

    as(token("editor")).delete("/api/v1/manage/articles/" + id).then().statusCode(204);

    given().get("/api/v1/articles/" + slug).then().statusCode(404);
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items", equalTo(List.of()));
    as(token("editor"))
        .get("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(200)
        .body("status", equalTo("archived"));
  }

  @Test
  void onlyAdminsPurgeAndPurgedArticlesAreGone() {
    String id = Api.draft(Api.category(), "Purge candidate");
    as(token("editor"))
        .queryParam("purge", true)
        .delete("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(403);
    as(token("admin"))
        .queryParam("purge", true)
        .delete("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(204);
    as(token("admin")).get("/api/v1/manage/articles/" + id).then().statusCode(404);
  }

  @Test
  void theFiftySecondStoryOfATitleGetsTheFirstFreeNumberPastTakenOnes() {
    String category = Api.category();
    String title = "Live updates " + Api.unique("t").substring(2);
    String base = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
    Api.create(token("editor"), Api.with(Api.article(category, "Other"), "slug", base + "-3"))
        .then()
        .statusCode(201);
    List<String> slugs = new java.util.ArrayList<>();
    for (int i = 0; i < 52; i++) {
      slugs.add(
          Api.create(token("editor"), Api.article(category, title))
              .then()
              .statusCode(201)
              .extract()
              .path("slug"));
    }
    List<String> expected = new java.util.ArrayList<>(List.of(base, base + "-2"));
    for (int n = 4; n <= 53; n++) {
      expected.add(base + "-" + n); // past the first 50 candidates, and never the taken "-3"
    }
    org.junit.jupiter.api.Assertions.assertEquals(expected, slugs);
  }

  @Test
  void slugsAreGeneratedFoldedAndUniqueAndATakenExplicitSlugIsAConflict() {
    String category = Api.category();
    String suffix = Api.unique("x").substring(2);
    String title = "Crème brûlée & Smørrebrød " + suffix;
    String expected = "creme-brulee-and-smorrebrod-" + suffix;
    String first =
        Api.create(token("editor"), Api.article(category, title))
            .then()
            .statusCode(201)
            .extract()
            .path("slug");
    String second =
        Api.create(token("editor"), Api.article(category, title))
            .then()
            .statusCode(201)
            .extract()
            .path("slug");
    org.junit.jupiter.api.Assertions.assertEquals(expected, first);
    org.junit.jupiter.api.Assertions.assertEquals(expected + "-2", second);

    Api.create(token("editor"), Api.with(Api.article(category, "Other"), "slug", first))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void listFiltersByStatusAndCategory() {
    String category = Api.category();
    String draft = Api.draft(category, "Listed draft");
    String live = Api.published(category, "Listed live");
    as(token("editor"))
        .queryParam("category", category)
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(200)
        .body("page.totalItems", equalTo(2));
    as(token("editor"))
        .queryParam("category", category)
        .queryParam("status", "draft")
        .get("/api/v1/manage/articles")
        .then()
        .body("items.id", equalTo(List.of(draft)));
    as(token("editor"))
        .queryParam("category", category)
        .queryParam("status", "published")
        .get("/api/v1/manage/articles")
        .then()
        .body("items.id", equalTo(List.of(live)));
  }
}
