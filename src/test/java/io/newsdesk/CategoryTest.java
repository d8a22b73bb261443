package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class CategoryTest {

  @Test
  void editorsCreateCategoriesThatReadersList() {
    String suffix = Api.unique("s").substring(2);
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name", "Économie " + suffix, "description", "Money and markets", "position", -5))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/categories/economie-" + suffix))
        .body("slug", equalTo("economie-" + suffix))
        .body("parent", nullValue());

    given()
        .get("/api/v1/categories/economie-" + suffix)
        .then()
        .statusCode(200)
        .body("name", equalTo("Économie " + suffix))
        .body("description", equalTo("Money and markets"))
        .body("position", equalTo(-5));
    given()
        .get("/api/v1/categories")
        .then()
        .statusCode(200)
        .body("page.limit", equalTo(100))
        .body("items.slug", hasItem("economie-" + suffix));
  }

  @Test
  void renamingACategoryUpdatesItsTeasersAtOnce() {
    String category = Api.category();
    Api.published(category, "Story in a renamed section");
    String renamed = Api.unique("renamed");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", renamed, "name", "Renamed section"))
        .put("/api/v1/manage/categories/" + category)
        .then()
        .statusCode(200)
        .body("slug", equalTo(renamed));

    given()
        .queryParam("category", renamed)
        .get("/api/v1/feed")
        .then()
        .body("items[0].category.slug", equalTo(renamed))
        .body("items[0].category.name", equalTo("Renamed section"));
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items.size()", equalTo(0));
    given().get("/api/v1/categories/" + category).then().statusCode(404);
  }

  @Test
  void unusedCategoriesCanBeDeleted() {
    String category = Api.category();
    as(token("editor")).delete("/api/v1/manage/categories/" + category).then().statusCode(204);
    given().get("/api/v1/categories").then().body("items.slug", not(hasItem(category)));
    as(token("editor")).delete("/api/v1/manage/categories/" + category).then().statusCode(404);
  }

  @Test
  void subcategoriesNameTheirParentAndKeepItFromBeingDeleted() {
    String parent = Api.category();
    String child = Api.unique("child");
    Api.subcategory(child, parent).then().statusCode(201).body("parent", equalTo(parent));
    as(token("editor")).delete("/api/v1/manage/categories/" + parent).then().statusCode(409);
  }
}
