package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The medium findings of the review: draft slugs turned into public redirects, a category delete
 * racing an article create into a 500, Last-Modified blind to category renames, and HTTP
 * preconditions compared weakly.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ReviewFindingsTest {

  @Test
  void aSlugThatWasOnlyEverADraftNeverRedirects() {
    String category = Api.category();
    String draftSlug = Api.unique("working-title");
    String id =
        Api.create(token("editor"), Api.with(Api.article(category, "Working"), "slug", draftSlug))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String publicSlug = Api.unique("final-title");
    Api.replace(id, Api.with(Api.article(category, "Final"), "slug", publicSlug))
        .then()
        .statusCode(200);
    Api.publish(id, null).then().statusCode(200);
    given().redirects().follow(false).get("/api/v1/articles/" + draftSlug).then().statusCode(404);
    given().get("/api/v1/articles/" + publicSlug).then().statusCode(200);

    // a slug readers saw still redirects, also after the article went back to being a draft
    Api.unpublish(id);
    String later = Api.unique("later-title");
    Api.replace(id, Api.with(Api.article(category, "Later"), "slug", later)).then().statusCode(200);
    Api.publish(id, null).then().statusCode(200);
    given()
        .redirects()
        .follow(false)
        .get("/api/v1/articles/" + publicSlug)
        .then()
        .statusCode(301)
        .header("Location", equalTo("/api/v1/articles/" + later));
    given().redirects().follow(false).get("/api/v1/articles/" + draftSlug).then().statusCode(404);
  }

  @Test
  void aScheduledSlugRedirectsOnlyOnceItsTimeHasCome() {
    String category = Api.category();
    String scheduledSlug = Api.unique("embargoed");
    String id =
        Api.create(
                token("editor"), Api.with(Api.article(category, "Embargo"), "slug", scheduledSlug))
            .then()
            .extract()
            .path("id");
    Api.publish(id, Map.of("publishAt", TestClock.now().plus(Duration.ofMinutes(10)).toString()))
        .then()
        .statusCode(200);
    String renamed = Api.unique("renamed-before-release");
    Api.replace(id, Api.with(Api.article(category, "Embargo"), "slug", renamed))
        .then()
        .statusCode(200);
    TestClock.advance(Duration.ofMinutes(10));
    given().get("/api/v1/articles/" + renamed).then().statusCode(200);
    Api.awaitReleased(id);
    given()
        .redirects()
        .follow(false)
        .get("/api/v1/articles/" + scheduledSlug)
        .then()
        .statusCode(404); // readers never saw it: the rename came before the release
  }

  @Test
  void aCategoryDeleteRacingAnArticleCreateIsNeverA500() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        String category = Api.category();
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Response> create =
            pool.submit(
                () -> {
                  start.await();
                  return Api.create(token("editor"), Api.article(category, "Race"));
                });
        Future<Response> delete =
            pool.submit(
                () -> {
                  start.await();
                  return as(token("editor")).delete("/api/v1/manage/categories/" + category);
                });
        int created = create.get().statusCode();
        int deleted = delete.get().statusCode();
        assertTrue(
            Set.of(201, 400, 409).contains(created) && Set.of(204, 409).contains(deleted),
            "create " + created + ", delete " + deleted);
        // exactly one of them won, and the database agrees
        assertTrue(
            (created == 201) != (deleted == 204), "create " + created + ", delete " + deleted);
        int categoryStatus = given().get("/api/v1/categories/" + category).statusCode();
        assertEquals(created == 201 ? 200 : 404, categoryStatus);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void renamingACategoryMovesTheArticlesLastModified() {
    String category = Api.category();
    String id = Api.published(category, Api.unique("Filed under a renamed section"));
    String path = "/api/v1/articles/" + Api.slug(id);
    String before = given().get(path).then().statusCode(200).extract().header("Last-Modified");
    TestClock.advance(Duration.ofSeconds(2)); // Last-Modified has whole seconds
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Renamed section"))
        .put("/api/v1/manage/categories/" + category)
        .then()
        .statusCode(200);
    given()
        .header("If-Modified-Since", before)
        .get(path)
        .then()
        .statusCode(200)
        .body("category.name", equalTo("Renamed section"));
  }

  @Test
  void ifMatchComparesStronglyAndAStarMatchesAnyVersion() {
    String category = Api.category();
    String id = Api.draft(category, "Preconditions");
    String etag = as(token("editor")).get("/api/v1/manage/articles/" + id).header("ETag");
    for (String weak : List.of("W/" + etag, "W/\"0\"", etag.replace("\"", ""))) {
      put(id, category, weak).then().statusCode(412).header("ETag", etag);
    }
    put(id, category, "\"99\", " + etag).then().statusCode(200);
    put(id, category, "*").then().statusCode(200);
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body(Api.article(category, "Nothing here"))
        .put("/api/v1/manage/articles/00000000-0000-4000-8000-000000000000")
        .then()
        .statusCode(404);
  }

  private static Response put(String id, String category, String ifMatch) {
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", ifMatch)
        .body(Api.article(category, "Preconditions " + ifMatch.length()))
        .put("/api/v1/manage/articles/" + id);
  }

  @Test
  void a415SaysWhichTypeTheOperationReads() {
    String id = Api.draft(Api.category(), "Types");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", "*")
        .body("{}")
        .patch("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", equalTo("Send the body as application/merge-patch+json"));
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/manage/import")
        .then()
        .statusCode(415)
        .body("detail", equalTo("Send the body as application/x-ndjson"));
    as(token("editor"))
        .contentType(ContentType.TEXT)
        .body("not a photo")
        .post("/api/v1/manage/assets")
        .then()
        .statusCode(415)
        .body("detail", org.hamcrest.Matchers.startsWith("Send the body as multipart/form-data"));
    as(token("editor"))
        .contentType(ContentType.TEXT)
        .body("x")
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(415)
        .body("detail", equalTo("Send the body as application/json"));
  }
}
