package io.newsdesk;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a configured proxy, failures count per forwarded client address: one client guessing
 * tokens gets 429 for further bad ones while another behind the same proxy does not.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindAProxy.class)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TrustedProxyTest {

  public static class BehindAProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "newsdesk.auth.max-failures", "3",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true");
    }
  }

  @Test
  void failuresCountPerForwardedClient() {
    for (int i = 0; i < 3; i++) {
      given()
          .header("Authorization", "Bearer nd_guess-" + i)
          .header("X-Forwarded-For", "203.0.113.9")
          .get("/api/v1/manage/articles")
          .then()
          .statusCode(401);
    }
    given()
        .header("Authorization", "Bearer nd_guess-3")
        .header("X-Forwarded-For", "203.0.113.9")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(429);
    // the right token always works, from the blocked client too
    given()
        .header("Authorization", "Bearer " + Api.ADMIN)
        .header("X-Forwarded-For", "203.0.113.9")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(200);
    // another client behind the same proxy has its own count
    given()
        .header("Authorization", "Bearer nd_guess-4")
        .header("X-Forwarded-For", "198.51.100.20")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(401);
  }
}
