package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SmokeTest {

  @Test
  void feedAnswers() {
    given()
        .when()
        .get("/api/v1/feed")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("page.limit", equalTo(20));
  }
}
