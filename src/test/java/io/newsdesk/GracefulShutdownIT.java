package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** On SIGTERM, requests in flight finish and new ones are turned away with 503 and Retry-After. */
class GracefulShutdownIT {

  /** Waits until an import has written its first article with an external id of that prefix. */
  private static void untilImporting(String url, String prefix) {
    org.awaitility.Awaitility.await("the import " + prefix + " is writing")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                PostgresDatabase.count(
                        url,
                        "select count(*) from newsdesk.article where external_id like ?",
                        prefix + "%")
                    > 0);
  }

  private static final String ADMIN = "graceful-shutdown-admin-token";

  @Test
  void aRequestInFlightFinishesWhileNewOnesAreRefused() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    Map<String, String> datasource = database.start();
    String url = datasource.get("quarkus.datasource.jdbc.url");
    try (PackagedApp app =
        PackagedApp.start("graceful-shutdown", datasource, Map.of("NEWSDESK_ADMIN_TOKEN", ADMIN))) {
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
      untilImporting(url, "wire-");
      app.terminate();

      org.awaitility.Awaitility.await("new requests are refused while the import finishes")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> given().baseUri(app.baseUri()).get("/api/v1/categories").statusCode() == 503);
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

  /** One request of the load: what it created (null for a read) and how it ended. */
  private record Outcome(String title, String result) {}

  @Test
  void underLoadEveryRequestInFlightFinishesAndTheProcessExitsInTime() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    Map<String, String> datasource = database.start();
    String url = datasource.get("quarkus.datasource.jdbc.url");
    try (PackagedApp app =
        PackagedApp.start(
            "graceful-shutdown-load",
            datasource,
            Map.of(
                "NEWSDESK_ADMIN_TOKEN", ADMIN,
                "NEWSDESK_CACHE_ENABLED", "false",
                "QUARKUS_SHUTDOWN_TIMEOUT", "20s"))) {
      String base = app.baseUri();
      app.send(
          "POST",
          "/api/v1/manage/categories",
          ADMIN,
          "{\"slug\":\"load\",\"name\":\"Load\"}",
          Map.of());
      AtomicBoolean running = new AtomicBoolean(true);
      Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      List<CompletableFuture<Void>> clients = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        clients.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; running.get(); i++) {
                    String title = client % 2 == 0 ? "Load " + client + "-" + i : null;
                    String result;
                    try {
                      HttpResponse<String> response =
                          title != null
                              ? app.send(
                                  "POST",
                                  "/api/v1/manage/articles",
                                  ADMIN,
                                  "{\"title\":\"" + title + "\",\"category\":\"load\"}",
                                  Map.of())
                              : app.send(
                                  "GET",
                                  "/api/v1/feed?limit=" + (1 + i % 50),
                                  ADMIN,
                                  null,
                                  Map.of());
                      int status = response.statusCode();
                      result =
                          status == 503
                                  && response
                                      .headers()
                                      .firstValue("Retry-After")
                                      .orElse("")
                                      .equals("5")
                              ? "refused"
                              : String.valueOf(status);
                    } catch (Exception e) {
                      result = "no answer"; // refused at connect, or accepted as the server closed
                    }
                    outcomes.add(new Outcome(title, result));
                  }
                }));
      }
      // Three imports of 150 lines each, every one seen writing before SIGTERM: in flight for sure.
      int lines = 150;
      List<CompletableFuture<HttpResponse<String>>> imports = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < lines; i++) {
          ndjson.append(
              String.format(
                  "{\"externalId\":\"imp-%d-%d\",\"title\":\"Import %d line %d\","
                      + "\"category\":\"load\",\"body\":\"Filed during shutdown.\"}%n",
                  k, i, k, i));
        }
        imports.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return app.send(
                        "POST",
                        "/api/v1/manage/import",
                        ADMIN,
                        ndjson.toString(),
                        Map.of("Content-Type", "application/x-ndjson"));
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
      }
      for (int k = 0; k < 3; k++) {
        untilImporting(url, "imp-" + k + "-");
      }
      Instant term = Instant.now();
      app.terminate();
      boolean exited = app.awaitExit(Duration.ofSeconds(40));
      Duration took = Duration.between(term, Instant.now());
      running.set(false);
      CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();

      System.out.printf(
          "Shutdown under load: load requests %s; exited %d ms after SIGTERM%n",
          summary(List.copyOf(outcomes)), took.toMillis());
      assertTrue(exited, "exited within the shutdown timeout");
      for (CompletableFuture<HttpResponse<String>> imported : imports) {
        HttpResponse<String> finished = imported.get();
        assertEquals(200, finished.statusCode(), "an import in flight at SIGTERM");
        assertEquals(lines, finished.body().lines().filter(l -> l.contains("\"created\"")).count());
      }
      for (Outcome o : outcomes) {
        assertTrue(
            List.of("200", "201", "refused", "no answer").contains(o.result()), o.toString());
      }
      // Whatever got no answer or was refused was not applied; whatever got 201 was.
      for (Outcome o : outcomes) {
        if (o.title() != null) {
          assertEquals(
              o.result().equals("201") ? 1 : 0,
              PostgresDatabase.count(
                  url, "select count(*) from newsdesk.article where title = ?", o.title()),
              o.toString());
        }
      }
    } finally {
      database.stop();
    }
  }

  private static Map<String, Long> summary(List<Outcome> outcomes) {
    return outcomes.stream()
        .collect(Collectors.groupingBy(Outcome::result, TreeMap::new, Collectors.counting()));
  }
}
