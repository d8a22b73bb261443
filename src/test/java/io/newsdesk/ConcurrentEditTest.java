package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
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
}
