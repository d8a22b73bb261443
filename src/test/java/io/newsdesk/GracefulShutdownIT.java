package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** On SIGTERM, requests in flight finish and new ones are turned away with 503 and Retry-After. */
class GracefulShutdownIT {

  private static final String ADMIN = "graceful-shutdown-admin-token";

  @Test
  void aRequestInFlightFinishesWhileNewOnesAreRefused() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    try (PackagedApp app =
        PackagedApp.start(
            "graceful-shutdown", database.start(), Map.of("NEWSDESK_ADMIN_TOKEN", ADMIN))) {
      given()
          .baseUri(app.baseUri())
          .header("Authorization", "Bearer " + ADMIN)
          .contentType("application/json")
          .body(Map.of("slug", "wire", "name", "Wire"))
          .post("/api/v1/manage/categories")
          .then()
          .statusCode(201);
      StringBuilder ndjson = new StringBuilder();
      int lines = 400; // a few seconds of work, one transaction per line
      for (int i = 0; i < lines; i++) {
        ndjson.append(
            "{\"externalId\":\"wire-"
                + i
                + "\",\"title\":\"Wire story "
                + i
                + "\",\"category\":\"wire\",\"body\":\"Filed late.\"}\n");
      }
      CompletableFuture<Response> inFlight =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .baseUri(app.baseUri())
                      .header("Authorization", "Bearer " + ADMIN)
                      .contentType("application/x-ndjson")
                      .body(ndjson.toString().getBytes(StandardCharsets.UTF_8))
                      .post("/api/v1/manage/import"));
      Thread.sleep(1000); // the import is running
      app.terminate();

      Instant deadline = Instant.now().plusSeconds(10);
      int status = 200;
      while (status != 503 && Instant.now().isBefore(deadline)) {
        status = given().baseUri(app.baseUri()).get("/api/v1/categories").statusCode();
      }
      Response refused = given().baseUri(app.baseUri()).get("/api/v1/categories");
      assertEquals(503, refused.statusCode());
      assertEquals("5", refused.header("Retry-After"));
      assertEquals("application/problem+json", refused.contentType());

      Response finished =
          inFlight.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, finished.statusCode());
      assertEquals(
          lines, finished.asString().lines().filter(l -> l.contains("\"created\"")).count());
    } finally {
      database.stop();
    }
  }
}
