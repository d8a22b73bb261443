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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ConcurrentEditTest {

  @Test
  void secondEditorWithTheOldEtagGets412AndTheFirstEditIsIntact() {
    String category = Api.category();
    String id = Api.draft(category, "Budget vote tonight");
    String url = "/api/v1/manage/articles/" + id;
    String etag = as(token("editor")).get(url).then().statusCode(200).extract().header("ETag");

    Map<String, Object> first = Api.article(category, "Budget passes by two votes");
    String newEtag =
        as(token("editor"))
            .contentType(ContentType.JSON)
            .header("If-Match", etag)
            .body(first)
            .put(url)
            .then()
            .statusCode(200)
            .body("title", equalTo("Budget passes by two votes"))
            .extract()
            .header("ETag");

    Map<String, Object> second = Api.article(category, "Budget vote postponed");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(second)
        .put(url)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .header("ETag", equalTo(newEtag));

    as(token("editor"))
        .get(url)
        .then()
        .body("title", equalTo("Budget passes by two votes"))
        .header("ETag", equalTo(newEtag));
  }

  @Test
  void putWithoutIfMatchIs428AndChangesNothing() {
    String category = Api.category();
    String id = Api.draft(category, "Unchanged headline");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Api.article(category, "Sneaky overwrite"))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
    as(token("editor"))
        .get("/api/v1/manage/articles/" + id)
        .then()
        .body("title", equalTo("Unchanged headline"));
  }

  @Test
  void anyListedStrongEtagMatchesTheCurrentVersion() {
    String category = Api.category();
    String id = Api.draft(category, "Etag forms");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\", \"0\"")
        .body(Api.article(category, "Etag forms, edited"))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""));
  }

  /** Runs {@code tasks} on their own threads, all released at once; returns their results. */
  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(60, TimeUnit.SECONDS)); // a deadlock fails here
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twentySimultaneousEditsOfTheSameVersionSaveExactlyOne() throws Exception {
    String category = Api.category();
    String id = Api.draft(category, "Race");
    List<Callable<Integer>> edits = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String title = "Race, edit " + i;
      edits.add(
          () ->
              as(token("editor"))
                  .contentType(ContentType.JSON)
                  .header("If-Match", "\"0\"")
                  .body(Api.article(category, title))
                  .put("/api/v1/manage/articles/" + id)
                  .statusCode());
    }
    List<Integer> statuses = atOnce(edits);
    assertEquals(1, Collections.frequency(statuses, 200), statuses.toString());
    assertEquals(19, Collections.frequency(statuses, 412), statuses.toString());
    as(token("editor")).get("/api/v1/manage/articles/" + id).then().body("version", equalTo(1));
    as(token("editor"))
        .get("/api/v1/manage/articles/" + id + "/revisions")
        .then()
        .body("items.action", equalTo(List.of("updated", "created")));
  }

  @Test
  void racingPublishAndUnpublishLeaveArticleTeaserAndFeedAgreeing() throws Exception {
    String category = Api.category();
    String id = Api.draft(category, "Flip flop");
    String slug = Api.slug(id);
    for (int round = 0; round < 5; round++) {
      List<Callable<Integer>> flips = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String action = i % 2 == 0 ? "/publish" : "/unpublish";
        flips.add(
            () ->
                as(token("editor"))
                    .contentType(ContentType.JSON)
                    .post("/api/v1/manage/articles/" + id + action)
                    .statusCode());
      }
      List<Integer> statuses = atOnce(flips);
      statuses.forEach(
          status ->
              assertTrue(status == 200 || status == 412 || status == 409, statuses.toString()));
      String status =
          as(token("editor")).get("/api/v1/manage/articles/" + id).then().extract().path("status");
      boolean live = status.equals("published");
      int page = given().get("/api/v1/articles/" + slug).statusCode();
      List<String> feed =
          given().get("/api/v1/feed?category=" + category).then().extract().path("items.slug");
      List<String> changes =
          Api.allChanges().stream()
              .filter(c -> id.equals(c.get("id")))
              .map(c -> c.get("type"))
              .toList();
      assertEquals(live ? 200 : 404, page, "round " + round + ": page vs status " + status);
      assertEquals(live ? List.of(slug) : List.of(), feed, "round " + round + ": feed vs status");
      // The entries tell a possible story: published only while hidden, the rest only while live.
      boolean shown = false;
      for (String type : changes) {
        assertEquals(
            type.equals("published"), !shown, "round " + round + ": " + changes + " at " + type);
        shown = !type.equals("unpublished");
      }
      assertEquals(live, shown, "round " + round + ": change feed " + changes + " while " + status);
    }
  }

  @Test
  void concurrentEditsOfDifferentArticlesAllSucceed() throws Exception {
    String category = Api.category();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(Api.published(category, "Parallel " + i));
    }
    List<Callable<List<Integer>>> editors = new ArrayList<>();
    for (String id : ids) {
      editors.add(
          () -> {
            List<Integer> statuses = new ArrayList<>();
            for (int edit = 0; edit < 5; edit++) {
              statuses.add(
                  Api.replace(id, Api.article(category, "Parallel edit " + edit)).statusCode());
            }
            return statuses;
          });
    }
    for (List<Integer> statuses : atOnce(editors)) {
      assertEquals(List.of(200, 200, 200, 200, 200), statuses);
    }
    List<String> titles =
        given().get("/api/v1/feed?category=" + category).then().extract().path("items.title");
    assertEquals(10, titles.size());
    titles.forEach(title -> assertEquals("Parallel edit 4", title));
  }

  @Test
  void concurrentUpsertsOfANewExternalIdCreateItOnce() throws Exception {
    String category = Api.category();
    String wire = Api.unique("wire");
    List<Callable<Integer>> upserts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String title = "Wire version " + i;
      upserts.add(
          () ->
              as(token("editor"))
                  .contentType(ContentType.JSON)
                  .body(Api.article(category, title))
                  .put("/api/v1/manage/external-articles/" + wire)
                  .statusCode());
    }
    List<Integer> statuses = atOnce(upserts);
    assertEquals(1, Collections.frequency(statuses, 201), statuses.toString());
    assertEquals(7, Collections.frequency(statuses, 200), statuses.toString());
    as(token("editor"))
        .get("/api/v1/manage/articles?category=" + category)
        .then()
        .body("items.size()", equalTo(1));
  }
}
