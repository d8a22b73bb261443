package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/** Operators get request ids in every log line, Prometheus metrics and honest health checks. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ObservabilityTest {

  @Test
  void everyResponseCarriesARequestIdAndEchoesAPlainOne() {
    given()
        .get("/api/v1/categories")
        .then()
        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    given()
        .header("X-Request-Id", "edge-7f3a.42")
        .get("/api/v1/feed?limit=0")
        .then()
        .statusCode(400)
        .header("X-Request-Id", "edge-7f3a.42");
    given()
        .header("X-Request-Id", "bad id\twith\nbreaks")
        .get("/api/v1/categories")
        .then()
        .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
  }

  @Test
  void logLinesOfARequestCarryItsId() {
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            ((ExtLogRecord) record).copyAll(); // the context is read where the line is logged
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(LogProbeResource.LOGGER);
    logger.addHandler(capture);
    try {
      given().header("X-Request-Id", "trace-me-1").get("/test-only/log").then().statusCode(200);
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(1, records.size());
    assertEquals("trace-me-1", ((ExtLogRecord) records.get(0)).getMdc("requestId"));
  }

  @Test
  void metricsNameRouteTemplatesNotSlugs() {
    String category = Api.category();
    String id = Api.published(category, "Metrics are counted by template");
    String slug = Api.slug(id);
    given().get("/api/v1/articles/" + slug).then().statusCode(200);
    given().get("/api/v1/articles/" + slug).then().statusCode(200); // from the cache
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    org.hamcrest.MatcherAssert.assertThat(
        metrics, containsString("uri=\"/api/v1/articles/{slug}\""));
    org.hamcrest.MatcherAssert.assertThat(metrics, not(containsString(slug)));
    org.hamcrest.MatcherAssert.assertThat(metrics, containsString("cache=\"delivery-responses\""));
    org.hamcrest.MatcherAssert.assertThat(
        metrics, containsString("newsdesk_content_changes_total{type=\"published\""));
    org.hamcrest.MatcherAssert.assertThat(metrics, containsString("agroal_"));
  }

  @Test
  void readinessChecksTheDatabase() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
  }
}
