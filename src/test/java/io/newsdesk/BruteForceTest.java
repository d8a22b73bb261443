package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing tokens: after five bad ones within the window a client's further bad tokens get 429 with
 * Retry-After until the window ends, while a valid token from the same address always works (an
 * office behind one address must not be locked out by one guesser); X-Forwarded-For cannot reset
 * the count, since no proxy is configured. The window runs on the server's clock.
 */
@QuarkusTest
@TestProfile(BruteForceTest.FiveFailures.class)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class BruteForceTest {

  public static class FiveFailures implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsdesk.auth.max-failures", "5", "newsdesk.auth.failure-window", "1m");
    }
  }

  @Test
  void badTokensPastTheLimitGet429UntilTheWindowEndsWhileValidTokensWork() {
    for (int i = 0; i < 5; i++) {
      given()
          .header("Authorization", "Bearer nd_guess-" + i)
          .header("X-Forwarded-For", "203.0.113." + i) // not trusted: no proxy configured
          .get("/api/v1/manage/articles")
          .then()
          .statusCode(401);
    }
    Response blocked =
        given()
            .header("Authorization", "Bearer nd_guess-5")
            .header("X-Forwarded-For", "198.51.100.7")
            .get("/api/v1/manage/articles");
    blocked
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/too-many-failed-attempts"));
    long retryAfter = Long.parseLong(blocked.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    given()
        .header("Authorization", "Basic eDp5")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(429);
    // The right token is accepted from the same address, before and after more bad ones.
    as(Api.ADMIN).get("/api/v1/manage/articles").then().statusCode(200);
    given()
        .header("Authorization", "Bearer nd_guess-6")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(429);
    as(Api.ADMIN).get("/api/v1/manage/articles").then().statusCode(200);
    given().get("/api/v1/feed").then().statusCode(200);

    TestClock.advance(Duration.ofSeconds(retryAfter));
    given()
        .header("Authorization", "Bearer nd_guess-7")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(401); // a new window: counted from one again
  }
}
