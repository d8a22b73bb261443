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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing tokens: after five bad ones within the window a client gets 429 with Retry-After for
 * every token, even a valid one, until the window ends; X-Forwarded-For cannot reset it, since no
 * proxy is configured. The delivery API stays open to it.
 */
@QuarkusTest
@TestProfile(BruteForceTest.FiveFailures.class)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class BruteForceTest {

  public static class FiveFailures implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsdesk.auth.max-failures", "5", "newsdesk.auth.failure-window", "3s");
    }
  }

  @Test
  void repeatedBadTokensAreRefusedWith429UntilTheWindowEnds() throws Exception {
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
    assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
    // Even the right token waits: a guess that happens to be right must not get through.
    as(Api.ADMIN).get("/api/v1/manage/articles").then().statusCode(429);
    given().get("/api/v1/feed").then().statusCode(200);

    Thread.sleep(retryAfter * 1000 + 200);
    as(Api.ADMIN).get("/api/v1/manage/articles").then().statusCode(200);
  }
}
