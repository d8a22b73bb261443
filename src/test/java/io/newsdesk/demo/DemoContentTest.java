package io.newsdesk.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.newsdesk.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the README's first command shows a new user: demo content loaded into an empty database of
 * its own (not the other tests' one), through the same services as the API.
 */
@QuarkusTest
@TestProfile(DemoContentTest.Demo.class)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DemoContentTest {

  public static class Demo implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsdesk.demo.enabled", "true");
    }
  }

  @Test
  void aNewInstallShowsArticlesAuthorsAndCuratedPages() {
    given()
        .queryParam("page", 1)
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("page.totalItems", equalTo(25))
        .body("items.image.url", everyItem(notNullValue()));
    given()
        .get("/api/v1/authors")
        .then()
        .statusCode(200)
        .body("items", hasSize(6))
        .body("items.articleCount", everyItem(greaterThan(0)));
    given()
        .queryParam("author", "ruben-oakes")
        .get("/api/v1/feed")
        .then()
        .body("items[0].authors[0].name", equalTo("Ruben Oakes"));
    given()
        .get("/api/v1/collections/front-page")
        .then()
        .statusCode(200)
        .body("items", hasSize(8))
        .body("items[0].authors", not(empty()));
    given().get("/api/v1/collections/breaking").then().statusCode(200).body("items", hasSize(1));
  }
}
