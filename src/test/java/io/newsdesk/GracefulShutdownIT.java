package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  /** One request of the load: when it started, what it was, and how it ended. */
  private record Outcome(boolean beforeTerm, String title, String result) {}

  @Test
  void underLoadNoRequestInFlightFailsAndTheProcessExitsInTime() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    Map<String, String> datasource = database.start();
    try (PackagedApp app =
        PackagedApp.start(
            "graceful-shutdown-load",
            datasource,
            Map.of(
                "NEWSDESK_ADMIN_TOKEN", ADMIN,
                "NEWSDESK_CACHE_ENABLED", "false",
                "QUARKUS_SHUTDOWN_TIMEOUT", "10s"))) {
      String base = app.baseUri();
      given()
          .baseUri(base)
          .header("Authorization", "Bearer " + ADMIN)
          .contentType("application/json")
          .body(Map.of("slug", "load", "name", "Load"))
          .post("/api/v1/manage/categories")
          .then()
          .statusCode(201);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicBoolean termSent = new AtomicBoolean(false);
      Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
      List<CompletableFuture<Void>> clients = new ArrayList<>();
      for (int c = 0; c < 6; c++) {
        int client = c;
        clients.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; running.get(); i++) {
                    boolean before = !termSent.get();
                    String title = client % 3 == 0 ? "Load " + client + "-" + i : null;
                    String result;
                    try {
                      // REST Assured opens a connection per request: no idle keep-alive races
                      Response response =
                          title != null
                              ? given()
                                  .baseUri(base)
                                  .header("Authorization", "Bearer " + ADMIN)
                                  .contentType("application/json")
                                  .body(Map.of("title", title, "category", "load"))
                                  .post("/api/v1/manage/articles")
                              : given().baseUri(base).get("/api/v1/feed?limit=" + (1 + i % 50));
                      int status = response.statusCode();
                      result =
                          status == 503 && "5".equals(response.header("Retry-After"))
                              ? "refused"
                              : String.valueOf(status);
                    } catch (Exception e) {
                      result = "no answer: " + rootCause(e);
                    }
                    outcomes.add(new Outcome(before, title, result));
                  }
                }));
      }
      Thread.sleep(2_000);
      Instant term = Instant.now();
      termSent.set(true);
      app.terminate();
      boolean exited = app.awaitExit(Duration.ofSeconds(20));
      Duration took = Duration.between(term, Instant.now());
      running.set(false);
      CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).join();

      List<Outcome> before = outcomes.stream().filter(Outcome::beforeTerm).toList();
      List<Outcome> after = outcomes.stream().filter(o -> !o.beforeTerm()).toList();
      System.out.printf(
          "Shutdown under load: %d requests sent before SIGTERM, %s; %d after, %s;"
              + " exited in %d ms%n",
          before.size(), summary(before), after.size(), summary(after), took.toMillis());
      assertTrue(exited, "exited within the shutdown timeout");
      // Sent before SIGTERM: answered, or (reaching the server just after it) refused with 503;
      // never dropped.
      for (Outcome o : before) {
        assertTrue(
            o.result().equals("200") || o.result().equals("201") || o.result().equals("refused"),
            o.toString());
      }
      for (Outcome o : after) {
        assertTrue(
            o.result().equals("200")
                || o.result().equals("201")
                || o.result().equals("refused")
                || o.result().startsWith("no answer"),
            o.toString());
      }
      // Whatever got no answer or was refused was not applied; whatever got 201 was.
      try (Connection connection =
              DriverManager.getConnection(
                  datasource.get("quarkus.datasource.jdbc.url"), "postgres", "");
          PreparedStatement count =
              connection.prepareStatement(
                  "select count(*) from newsdesk.article where title = ?")) {
        for (Outcome o : outcomes) {
          if (o.title() == null) {
            continue;
          }
          count.setString(1, o.title());
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            assertEquals(o.result().equals("201") ? 1 : 0, rows.getInt(1), o.toString());
          }
        }
      }
    } finally {
      database.stop();
    }
  }

  private static Map<String, Long> summary(List<Outcome> outcomes) {
    return outcomes.stream()
        .collect(
            Collectors.groupingBy(
                o -> o.result().startsWith("no answer") ? "no answer" : o.result(),
                TreeMap::new,
                Collectors.counting()));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }
}
