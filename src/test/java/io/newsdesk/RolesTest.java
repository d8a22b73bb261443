package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class RolesTest {

  @Test
  void contributorsEditTheirOwnDraftsOnly() {
    String contributor = Api.newToken("contributor", "own drafts");
    String category = Api.category();
    String id =
        Api.create(contributor, Api.article(category, "My draft"))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    as(contributor)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Api.article(category, "My draft, better"))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(200)
        .body("title", equalTo("My draft, better"));
    as(contributor)
        .contentType(ContentType.JSON)
        .post("/api/v1/manage/articles/" + id + "/publish")
        .then()
        .statusCode(403);

    Api.publish(id, null).then().statusCode(200);
    // Not allowed comes before stale: the answer does not depend on guessing the version.
    as(contributor)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"0\"")
        .body(Api.article(category, "Stale and not mine"))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(403);
    as(contributor)
        .contentType(ContentType.JSON)
        .header("If-Match", "\"2\"")
        .body(Api.article(category, "Edit after publishing"))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }

  @Test
  void revokedTokenIsRefusedAtOnce() {
    String secret = Api.newToken("editor", "short-lived");
    as(secret).get("/api/v1/manage/articles").then().statusCode(200);
    Api.revoke("short-lived");
    as(secret).get("/api/v1/manage/articles").then().statusCode(401);
  }

  @Test
  void tokenSecretsAreShownOnceAndNeverListed() {
    String secret = Api.newToken("contributor", "listed");
    as(token("admin"))
        .get("/api/v1/manage/tokens?limit=100")
        .then()
        .statusCode(200)
        .body("items.token.findAll { it != null }", equalTo(List.of()))
        .body("items.find { it.name == 'listed' }.role", equalTo("contributor"));
    org.junit.jupiter.api.Assertions.assertTrue(secret.startsWith("nd_") && secret.length() > 40);
  }

  @Test
  void deliveryIgnoresTokensEvenBadOnes() {
    Api.as("nd_garbage").get("/api/v1/feed").then().statusCode(200);
    given()
        .header("Authorization", "Basic Zm9vOmJhcg==")
        .get("/api/v1/categories")
        .then()
        .statusCode(200);
  }

  @Test
  void anEndpointWithoutASecurityAnnotationIsDeniedToEveryone() {
    given()
        .get("/test-only/unannotated")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    as(token("admin"))
        .get("/test-only/unannotated")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }
}
