package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hot read paths run a fixed, small number of SQL statements, whatever the data (no N+1). */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class StatementCountTest {

  @Inject SessionFactory sessionFactory;

  private String category;
  private String slug;

  @BeforeEach
  void publishSome() {
    category = Api.category();
    for (int i = 0; i < 5; i++) {
      String id = Api.draft(category, "Counted story " + i);
      slug =
          Api.publish(id, Map.of("publishAt", Instant.now().minusSeconds(60 + i).toString()))
              .then()
              .extract()
              .path("slug");
    }
  }

  private long statementsFor(Runnable request) {
    Statistics statistics = sessionFactory.getStatistics();
    long before = statistics.getPrepareStatementCount();
    request.run();
    return statistics.getPrepareStatementCount() - before;
  }

  @Test
  void articleBySlugIsOneStatement() {
    assertEquals(
        1, statementsFor(() -> given().get("/api/v1/articles/" + slug).then().statusCode(200)));
  }

  @Test
  void feedPageIsOneStatementInCursorModeAndTwoInNumberMode() {
    assertEquals(
        1,
        statementsFor(
            () ->
                given()
                    .queryParam("category", category)
                    .get("/api/v1/feed")
                    .then()
                    .statusCode(200)));
    assertEquals(
        1,
        statementsFor(
            () -> given().queryParam("limit", 100).get("/api/v1/feed").then().statusCode(200)));
    assertEquals(
        2,
        statementsFor(
            () -> given().queryParam("page", 1).get("/api/v1/feed").then().statusCode(200)));
  }

  @Test
  void categoryListIsTwoStatementsWhateverItsSize() {
    assertEquals(2, statementsFor(() -> given().get("/api/v1/categories").then().statusCode(200)));
  }
}
