package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged server as an operator locks it down: no Swagger UI and no OpenAPI document, the
 * management API open to browsers from the one configured origin only, and metrics for the scraper
 * with the metrics token only, while health stays open.
 */
class ProductionSettingsIT {

  @Test
  void swaggerUiAndTheDocumentCanBeTurnedOffAndManagementOriginsListed() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    try (PackagedApp app =
        PackagedApp.start(
            "production-settings",
            database.start(),
            Map.of(
                "QUARKUS_SWAGGER_UI_ENABLE", "false",
                "QUARKUS_SMALLRYE_OPENAPI_ENABLE", "false",
                "NEWSDESK_CORS_MANAGEMENT_ORIGINS", "https://desk.example",
                "NEWSDESK_METRICS_TOKEN", "scrape-secret"))) {
      String base = app.baseUri();
      given().noFilters().baseUri(base).get("/q/health/ready").then().statusCode(200);
      org.junit.jupiter.api.Assertions.assertTrue(
          java.nio.file.Files.readString(java.nio.file.Path.of("target/production-settings.log"))
              .contains("newsdesk.site.base-url is not set"),
          "the start-up log names the unset public address");
      given()
          .noFilters()
          .baseUri(base)
          .get("/q/metrics")
          .then()
          .statusCode(401)
          .contentType("application/problem+json")
          .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
      given()
          .noFilters()
          .baseUri(base)
          .header("Authorization", "Bearer wrong")
          .get("/q/metrics")
          .then()
          .statusCode(401);
      given()
          .noFilters()
          .baseUri(base)
          .header("Authorization", "Bearer scrape-secret")
          .get("/q/metrics")
          .then()
          .statusCode(200)
          .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
      given().noFilters().baseUri(base).get("/q/swagger-ui/").then().statusCode(404);
      given().noFilters().baseUri(base).get("/q/openapi").then().statusCode(404);
      given().noFilters().baseUri(base).get("/api/v1/feed").then().statusCode(200);

      given()
          .noFilters()
          .baseUri(base)
          .header("Origin", "https://desk.example")
          .header("Access-Control-Request-Method", "PUT")
          .options("/api/v1/manage/articles/x")
          .then()
          .statusCode(204)
          .header("Access-Control-Allow-Origin", equalTo("https://desk.example"));
      given()
          .noFilters()
          .baseUri(base)
          .header("Origin", "https://elsewhere.example")
          .header("Access-Control-Request-Method", "PUT")
          .options("/api/v1/manage/articles/x")
          .then()
          .statusCode(403)
          .header("Access-Control-Allow-Origin", nullValue());
    } finally {
      database.stop();
    }
  }
}
