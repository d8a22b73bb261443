package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class RolesTest {

  /** One management operation: how to call it on fresh data, and the status each caller gets. */
  private record Operation(
      String name,
      Function<RequestSpecification, Response> call,
      int none,
      int bad,
      int contributor,
      int editor,
      int admin) {}

  private static String article() {
    return Api.draft(Api.category(), "Role check");
  }

  private static List<Operation> operations() {
    Supplier<String> article = RolesTest::article;
    Map<String, Object> teaser = Map.of("title", "Teaser title");
    return List.of(
        new Operation(
            "create article",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Api.article(Api.category(), "New"))
                    .post("/api/v1/manage/articles"),
            401,
            401,
            201,
            201,
            201),
        new Operation(
            "list articles", r -> r.get("/api/v1/manage/articles"), 401, 401, 200, 200, 200),
        new Operation(
            "get article",
            r -> r.get("/api/v1/manage/articles/" + article.get()),
            401,
            401,
            200,
            200,
            200),
        new Operation(
            "replace someone else's article",
            r ->
                r.contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"")
                    .body(Api.article(Api.category(), "Edited"))
                    .put("/api/v1/manage/articles/" + article.get()),
            401,
            401,
            403,
            200,
            200),
        new Operation(
            "publish",
            r ->
                r.contentType(ContentType.JSON)
                    .post("/api/v1/manage/articles/" + article.get() + "/publish"),
            401,
            401,
            403,
            200,
            200),
        new Operation(
            "unpublish",
            r -> r.post("/api/v1/manage/articles/" + article.get() + "/unpublish"),
            401,
            401,
            403,
            200,
            200),
        new Operation(
            "archive",
            r -> r.delete("/api/v1/manage/articles/" + article.get()),
            401,
            401,
            403,
            204,
            204),
        new Operation(
            "purge",
            r -> r.queryParam("purge", true).delete("/api/v1/manage/articles/" + article.get()),
            401,
            401,
            403,
            403,
            204),
        new Operation(
            "get teaser",
            r -> r.get("/api/v1/manage/articles/" + article.get() + "/teaser"),
            401,
            401,
            200,
            200,
            200),
        new Operation(
            "override teaser",
            r ->
                r.contentType(ContentType.JSON)
                    .body(teaser)
                    .put("/api/v1/manage/articles/" + article.get() + "/teaser"),
            401,
            401,
            403,
            200,
            200),
        new Operation(
            "create category",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", Api.unique("Role section")))
                    .post("/api/v1/manage/categories"),
            401,
            401,
            403,
            201,
            201),
        new Operation(
            "update category",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", "Renamed"))
                    .put("/api/v1/manage/categories/" + Api.category()),
            401,
            401,
            403,
            200,
            200),
        new Operation(
            "delete category",
            r -> r.delete("/api/v1/manage/categories/" + Api.category()),
            401,
            401,
            403,
            204,
            204),
        new Operation(
            "create token",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", "x", "role", "editor"))
                    .post("/api/v1/manage/tokens"),
            401,
            401,
            403,
            403,
            201),
        new Operation("list tokens", r -> r.get("/api/v1/manage/tokens"), 401, 401, 403, 403, 200),
        new Operation(
            "revoke token",
            r -> r.delete("/api/v1/manage/tokens/" + tokenId()),
            401,
            401,
            403,
            403,
            204));
  }

  private static String tokenId() {
    return as(token("admin"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "to revoke", "role", "contributor"))
        .post("/api/v1/manage/tokens")
        .then()
        .extract()
        .path("id");
  }

  @Test
  void everyManagementOperationChecksTheCallersRole() {
    List<Executable> checks = new ArrayList<>();
    for (Operation op : operations()) {
      check(checks, op, "no token", given(), op.none());
      check(checks, op, "bad token", Api.as("nd_not-a-real-token"), op.bad());
      check(
          checks,
          op,
          "malformed header",
          given().header("Authorization", "Basic dXNlcjpwYXNz"),
          op.bad());
      check(checks, op, "contributor", as(token("contributor")), op.contributor());
      check(checks, op, "editor", as(token("editor")), op.editor());
      check(checks, op, "admin", as(token("admin")), op.admin());
    }
    assertAll(checks);
  }

  private static void check(
      List<Executable> checks,
      Operation op,
      String who,
      RequestSpecification request,
      int expected) {
    Response response = op.call().apply(request);
    int status = response.statusCode();
    String type = response.contentType();
    String challenge = response.header("WWW-Authenticate");
    checks.add(() -> assertEquals(expected, status, op.name() + " as " + who));
    if (expected >= 400) {
      checks.add(
          () ->
              assertEquals(
                  "application/problem+json", type, op.name() + " as " + who + ": content type"));
    }
    if (expected == 401) {
      checks.add(
          () ->
              assertEquals(
                  "Bearer realm=\"newsdesk\"",
                  challenge,
                  op.name() + " as " + who + ": challenge"));
    }
  }

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
    String id =
        as(token("admin"))
            .get("/api/v1/manage/tokens?limit=100")
            .then()
            .extract()
            .jsonPath()
            .getString("items.find { it.name == 'short-lived' && it.revokedAt == null }.id");
    as(token("admin")).delete("/api/v1/manage/tokens/" + id).then().statusCode(204);
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
