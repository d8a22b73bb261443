package io.newsdesk.preview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.newsdesk.PostgresDatabase;
import io.newsdesk.auth.Caller;
import io.newsdesk.auth.Role;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A preview link shows one draft to whoever has it, until it expires, and grants nothing else. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PreviewTest {

  private static final String ADMIN = "Bearer test-admin-token";
  private static final Caller ADMIN_CALLER = new Caller(null, "test admin", Role.admin);

  @Inject PreviewTokens tokens;

  private static String draft(String title) {
    String category = "preview-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", category, "name", "Previews"))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("title", title, "category", category, "body", "Not out yet."))
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aPreviewLinkShowsTheDraftAndIsNeverCached() {
    String id = draft("Budget leaks early");
    String url =
        given()
            .header("Authorization", ADMIN)
            .post("/api/v1/manage/articles/" + id + "/preview-token")
            .then()
            .statusCode(201)
            .extract()
            .path("url");
    // an absolute URL from newsdesk.site.base-url, never from the request's Host
    org.junit.jupiter.api.Assertions.assertTrue(url.startsWith("http://localhost:8080/"), url);
    given()
        .get(java.net.URI.create(url).getPath())
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("id", equalTo(id))
        .body("title", equalTo("Budget leaks early"))
        .body("body.text", equalTo("Not out yet."));
    // the draft itself stays invisible to readers
    given().get("/api/v1/articles/budget-leaks-early").then().statusCode(404);
  }

  @Test
  void everySingleCharacterChangeIsRefused() {
    String id = draft("Sealed plans");
    String token = tokens.issue(UUID.fromString(id), ADMIN_CALLER).token();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < token.length(); i++) {
      char other = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
      String tampered = token.substring(0, i) + other + token.substring(i + 1);
      org.junit.jupiter.api.Assertions.assertThrows(
          io.newsdesk.web.ProblemException.class, () -> tokens.verify(tampered), "position " + i);
    }
  }

  @Test
  void tamperedExpiredAndGarbageTokensAre401() {
    String id = draft("Secret plans");
    String token = tokens.issue(UUID.fromString(id), ADMIN_CALLER).token();
    int middle = token.length() / 2;
    String tampered =
        token.substring(0, middle)
            + (token.charAt(middle) == 'A' ? 'B' : 'A')
            + token.substring(middle + 1);
    String truncated = token.substring(0, token.length() - 4);
    String expired =
        tokens.issue(UUID.fromString(id), ADMIN_CALLER, Duration.ofSeconds(-1)).token();
    for (String bad : new String[] {tampered, truncated, expired, "garbage", "AAAA"}) {
      given()
          .get("/api/v1/preview/" + bad)
          .then()
          .statusCode(401)
          .contentType("application/problem+json");
    }
    // a token for one article opens no other
    String other = draft("Other plans");
    String forOther = tokens.issue(UUID.fromString(other), ADMIN_CALLER).token();
    given().get("/api/v1/preview/" + forOther).then().body("id", equalTo(other));
    given()
        .header("Authorization", "Bearer " + token)
        .get("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(401);
  }
}
