package io.newsdesk;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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

/** A retried create with the same Idempotency-Key never makes a second article. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

  private static Response create(String key, Map<String, Object> body) {
    return Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/manage/articles");
  }

  private static int count(String category) {
    return Api.as(Api.token("editor"))
        .queryParam("category", category)
        .get("/api/v1/manage/articles")
        .then()
        .extract()
        .path("page.totalItems");
  }

  @Test
  void aRetryGetsTheFirstAnswer() {
    String category = Api.category();
    String key = Api.unique("key");
    Map<String, Object> body = Api.article(category, "Ferry strike called off");
    String id = create(key, body).then().statusCode(201).extract().path("id");
    create(key, body)
        .then()
        .statusCode(201)
        .body("id", equalTo(id))
        .header("Location", org.hamcrest.Matchers.endsWith(id))
        .header("Idempotent-Replayed", "true");
    assertEquals(1, count(category));
  }

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    String category = Api.category();
    String key = Api.unique("key");
    create(key, Api.article(category, "First body")).then().statusCode(201);
    create(key, Api.article(category, "Second body"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/idempotency-key-reused"));
    assertEquals(1, count(category));
  }

  @Test
  void keysBelongToTheirCaller() {
    String category = Api.category();
    String key = Api.unique("key");
    Map<String, Object> body = Api.article(category, "Shared key story");
    create(key, body).then().statusCode(201);
    Api.as(Api.token("contributor"))
        .contentType(ContentType.JSON)
        .header("Idempotency-Key", key)
        .body(body)
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(201);
    assertEquals(2, count(category));
  }

  @Test
  void twoConcurrentRequestsWithOneKeyCreateOneArticle() throws Exception {
    String category = Api.category();
    String key = Api.unique("key");
    Map<String, Object> body = Api.article(category, "Race for the same key");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Response>> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Callable<Response> request =
          () -> {
            start.await();
            return create(key, body);
          };
      answers.add(pool.submit(request));
    }
    start.countDown();
    Set<String> ids = new HashSet<>();
    for (Future<Response> answer : answers) {
      Response response = answer.get();
      assertEquals(201, response.statusCode(), response.asString());
      ids.add(response.path("id"));
    }
    pool.shutdown();
    assertEquals(1, ids.size());
    assertEquals(1, count(category));
  }

  @Test
  void aMalformedKeyIs400() {
    create("has spaces in it", Api.article(Api.category(), "Key check"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Idempotency-Key"));
  }
}
