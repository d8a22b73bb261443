package io.newsdesk;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH with a JSON Merge Patch changes what it names and nothing else. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PatchTest {

  private static final String MERGE_PATCH = "application/merge-patch+json";

  private static String draftWithEverything(String category) {
    Map<String, Object> input = Api.article(category, "Bakery wins a prize");
    input.put("subtitle", "The sourdough judges were unanimous");
    input.put("tags", List.of("food", "awards"));
    return Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
  }

  private static Response patch(String id, String body) {
    String etag = Api.as(Api.token("editor")).get("/api/v1/manage/articles/" + id).header("ETag");
    return Api.as(Api.token("editor"))
        .contentType(MERGE_PATCH)
        .header("If-Match", etag)
        .body(body)
        .patch("/api/v1/manage/articles/" + id);
  }

  @Test
  void absentFieldsStayNullClearsArraysReplace() {
    String category = Api.category();
    String id = draftWithEverything(category);
    patch(id, "{\"title\": \"Bakery wins the national prize\", \"tags\": [\"food\"]}")
        .then()
        .statusCode(200)
        .body("title", equalTo("Bakery wins the national prize"))
        .body("subtitle", equalTo("The sourdough judges were unanimous"))
        .body("tags", equalTo(List.of("food")))
        .body("category.slug", equalTo(category));
    patch(id, "{\"subtitle\": null}").then().statusCode(200).body("subtitle", nullValue());
    patch(id, "{}").then().statusCode(200).body("title", equalTo("Bakery wins the national prize"));
  }

  @Test
  void requiredFieldsCannotBeCleared() {
    String id = draftWithEverything(Api.category());
    for (String field : new String[] {"title", "category"}) {
      patch(id, "{\"" + field + "\": null}")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo(field));
    }
  }

  @Test
  void badPatchesAre400sAndLoseNothing() {
    String id = draftWithEverything(Api.category());
    patch(id, "{\"status\": \"published\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("status"));
    patch(id, "{\"colour\": \"red\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("colour"));
    patch(id, "{\"title\": 5}").then().statusCode(400).body("errors[0].field", equalTo("title"));
    patch(id, "[1, 2]").then().statusCode(400);
    patch(id, "{\"slug\": \"Not A Slug\"}")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
    Api.as(Api.token("editor"))
        .get("/api/v1/manage/articles/" + id)
        .then()
        .body("title", equalTo("Bakery wins a prize"))
        .body("status", equalTo("draft"));
  }

  @Test
  void ifMatchRulesAreThoseOfPut() {
    String id = draftWithEverything(Api.category());
    Api.as(Api.token("editor"))
        .contentType(MERGE_PATCH)
        .body("{\"title\": \"x\"}")
        .patch("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(428);
    Api.as(Api.token("editor"))
        .contentType(MERGE_PATCH)
        .header("If-Match", "\"99\"")
        .body("{\"title\": \"x\"}")
        .patch("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(412);
    Api.as(Api.token("editor"))
        .contentType("application/json")
        .header("If-Match", "\"0\"")
        .body("{\"title\": \"x\"}")
        .patch("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(415);
  }
}
