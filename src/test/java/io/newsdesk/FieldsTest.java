package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ?fields= gives clients less: exactly the fields they name, per article or per list item. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class FieldsTest {

  @Test
  void anArticleGivesExactlyTheNamedFieldsAndPartOfItsBody() {
    String slug = Api.slug(Api.published(Api.category(), "Fields of barley"));
    Map<String, Object> article =
        given()
            .queryParam("fields", "slug,title,body.html")
            .get("/api/v1/articles/" + slug)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("");
    assertEquals(Set.of("slug", "title", "body"), article.keySet());
    assertEquals(Set.of("html"), ((Map<?, ?>) article.get("body")).keySet());
    given()
        .queryParam("fields", "body.blocks")
        .get("/api/v1/articles/" + slug)
        .then()
        .body("body.keySet()", equalTo(Set.of("blocks")))
        .body("body.blocks[0].type", equalTo("heading"))
        .body("body.blocks[1].type", equalTo("paragraph"))
        .body(
            "body.blocks[1].content[0].text",
            equalTo("The council met on Tuesday and agreed a new budget."));

    String full = given().get("/api/v1/articles/" + slug).header("ETag");
    String some =
        given().queryParam("fields", "title,slug").get("/api/v1/articles/" + slug).header("ETag");
    String same =
        given().queryParam("fields", "slug, title").get("/api/v1/articles/" + slug).header("ETag");
    assertNotEquals(full, some);
    assertEquals(some, same, "one selection, spelt two ways, is one representation");
  }

  @Test
  void unknownNamesAreABadRequestThatNamesThem() {
    String slug = Api.slug(Api.published(Api.category(), "Fields of rye"));
    given()
        .queryParam("fields", "slug,nope,bodies")
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("fields"))
        .body("errors[0].message", containsString("nope, bodies"));
    given().queryParam("fields", " , ").get("/api/v1/feed").then().statusCode(400);
  }

  @Test
  void listsSelectTheFieldsOfEachItemAndKeepTheirPage() {
    String category = Api.category();
    String id = Api.published(category, "Fields of oats in the valley");
    given()
        .queryParam("category", category)
        .queryParam("fields", "slug,title")
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items[0].keySet()", equalTo(Set.of("slug", "title")))
        .body("page.limit", equalTo(20));
    given()
        .queryParam("q", "oats valley")
        .queryParam("category", category)
        .queryParam("fields", "id,snippet")
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items[0].keySet()", equalTo(Set.of("id", "snippet")))
        .body("page.totalItems", notNullValue());
    String page = Api.unique("fields");
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Fields page", "items", List.of(Map.of("article", id))))
        .put("/api/v1/manage/collections/" + page)
        .then()
        .statusCode(201);
    given()
        .queryParam("fields", "id")
        .get("/api/v1/collections/" + page)
        .then()
        .statusCode(200)
        .body("name", equalTo("Fields page"))
        .body("items", equalTo(List.of(Map.of("id", id))));
  }
}
