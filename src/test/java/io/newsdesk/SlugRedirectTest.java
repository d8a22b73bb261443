package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renaming an article never breaks a link to it, and nobody else can take its old slugs. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SlugRedirectTest {

  private static RequestSpecification reader() {
    return given()
        .config(
            RestAssuredConfig.config()
                .redirect(RedirectConfig.redirectConfig().followRedirects(false)));
  }

  private static void rename(String id, String category, String slug) {
    Api.replace(id, Api.with(Api.article(category, "Tram line extension"), "slug", slug))
        .then()
        .statusCode(200);
  }

  @Test
  void everyOldSlugRedirectsToTheCurrentOneInOneHop() {
    String category = Api.category();
    String first = Api.unique("tram-line");
    String second = Api.unique("tram-line-two");
    String third = Api.unique("tram-line-three");
    String id =
        Api.create(Api.token("editor"), Api.with(Api.article(category, "Tram line"), "slug", first))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.publish(id, null).then().statusCode(200);
    reader().get("/api/v1/articles/" + first).then().statusCode(200); // now cached
    rename(id, category, second);
    rename(id, category, third);

    for (String old : new String[] {first, second}) {
      reader()
          .get("/api/v1/articles/" + old)
          .then()
          .statusCode(301)
          .header("Location", endsWith("/api/v1/articles/" + third))
          .header("Surrogate-Key", containsString("article:" + id));
    }
    reader().get("/api/v1/articles/" + third).then().statusCode(200).body("id", equalTo(id));
    // following the redirect lands on the article
    given().get("/api/v1/articles/" + first).then().statusCode(200).body("slug", equalTo(third));
  }

  @Test
  void goingBackToAnOldSlugMakesNoLoop() {
    String category = Api.category();
    String first = Api.unique("harbour-walk");
    String second = Api.unique("harbour-walk-new");
    String id =
        Api.create(Api.token("editor"), Api.with(Api.article(category, "Walk"), "slug", first))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.publish(id, null).then().statusCode(200);
    rename(id, category, second);
    rename(id, category, first);

    reader().get("/api/v1/articles/" + first).then().statusCode(200).body("id", equalTo(id));
    reader()
        .get("/api/v1/articles/" + second)
        .then()
        .statusCode(301)
        .header("Location", endsWith("/api/v1/articles/" + first));
  }

  @Test
  void oldSlugsStayReserved() {
    String category = Api.category();
    String old = Api.unique("museum-night");
    String id =
        Api.create(Api.token("editor"), Api.with(Api.article(category, "Museum"), "slug", old))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.publish(id, Map.of()).then().statusCode(200);
    rename(id, category, Api.unique("museum-night-moved"));

    Api.create(Api.token("editor"), Api.with(Api.article(category, "Other"), "slug", old))
        .then()
        .statusCode(409)
        .body("errors[0].field", equalTo("slug"));
    String other = Api.draft(category, "Another story");
    Api.replace(other, Api.with(Api.article(category, "Another story"), "slug", old))
        .then()
        .statusCode(409);
    // A generated slug skips it too
    String generated =
        Api.create(Api.token("editor"), Api.article(category, old.replace('-', ' ')))
            .then()
            .statusCode(201)
            .extract()
            .path("slug");
    org.junit.jupiter.api.Assertions.assertNotEquals(old, generated);
  }

  @Test
  void anOldSlugOfAnUnpublishedArticleIsA404() {
    String category = Api.category();
    String old = Api.unique("quiet-story");
    String id =
        Api.create(Api.token("editor"), Api.with(Api.article(category, "Quiet"), "slug", old))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.publish(id, Map.of()).then().statusCode(200);
    rename(id, category, Api.unique("quiet-story-moved"));
    reader().get("/api/v1/articles/" + old).then().statusCode(301);
    Api.unpublish(id);
    reader().get("/api/v1/articles/" + old).then().statusCode(404);
  }
}
