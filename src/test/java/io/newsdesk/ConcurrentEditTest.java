package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
  void weakAndListedEtagsMatchTheCurrentVersion() {
    String category = Api.category();
    String id = Api.draft(category, "Etag forms");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"7\", W/\"0\"")
        .body(Api.article(category, "Etag forms, edited"))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(200)
        .header("ETag", equalTo("\"1\""));
  }

  @Test
  void twoSimultaneousEditsOfTheSameVersionSaveExactlyOne() throws Exception {
    String category = Api.category();
    String id = Api.draft(category, "Race");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (String title : List.of("Race, edit A", "Race, edit B")) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return as(token("editor"))
                      .contentType(ContentType.JSON)
                      .header("If-Match", "\"0\"")
                      .body(Api.article(category, title))
                      .put("/api/v1/manage/articles/" + id)
                      .statusCode();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (var result : results) {
        statuses.add(result.get(30, TimeUnit.SECONDS));
      }
      Collections.sort(statuses);
      assertEquals(List.of(200, 412), statuses);
    } finally {
      pool.shutdownNow();
    }
    as(token("editor")).get("/api/v1/manage/articles/" + id).then().body("version", equalTo(1));
  }
}
