package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The database misbehaves under traffic, and Newsdesk answers 503 problem+json with Retry-After
 * instead of hanging or failing with a 500, recovers by itself, and loses no acknowledged write.
 */
class DatabaseFaultsIT {

  private static final String ADMIN = "faults-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one request got back. */
  private record Answer(String what, int status, String type, String retryAfter) {
    boolean unavailable() {
      return status == 503 && type.startsWith("application/problem+json") && "5".equals(retryAfter);
    }
  }

  private static HttpResponse<String> call(PackagedApp app, String method, String path, String body)
      throws Exception {
    return app.send(method, path, ADMIN, body, Map.of());
  }

  /** Creates an article titled {@code title}, with an Idempotency-Key made from the title. */
  private static HttpResponse<String> createWithKey(PackagedApp app, String title)
      throws Exception {
    return app.send(
        "POST",
        "/api/v1/manage/articles",
        ADMIN,
        article(title),
        Map.of("Idempotency-Key", title.replace(' ', '-')));
  }

  private static Answer answer(String what, HttpResponse<String> response) {
    return new Answer(
        what,
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.headers().firstValue("Retry-After").orElse(null));
  }

  private static String article(String title) {
    return "{\"title\":\""
        + title
        + "\",\"category\":\"faults\",\"body\":\"Words for the fault test.\"}";
  }

  private static String publishedSlug(PackagedApp app) throws Exception {
    call(app, "POST", "/api/v1/manage/categories", "{\"slug\":\"faults\",\"name\":\"Faults\"}");
    String id =
        JSON.readTree(call(app, "POST", "/api/v1/manage/articles", article("Before")).body())
            .path("id")
            .asText();
    String published = call(app, "POST", "/api/v1/manage/articles/" + id + "/publish", null).body();
    return JSON.readTree(published).path("slug").asText();
  }

  @Test
  void aLockedDatabaseAnswers503WithRetryAfterAndTheWriteIsNotApplied() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    Map<String, String> datasource = database.start();
    try (PackagedApp app =
        PackagedApp.start(
            "faults-locked",
            datasource,
            Map.of(
                "NEWSDESK_ADMIN_TOKEN", ADMIN,
                "NEWSDESK_CACHE_ENABLED", "false",
                "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "3",
                "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "1s",
                "QUARKUS_DATASOURCE_JDBC_ADDITIONAL_JDBC_PROPERTIES_OPTIONS",
                    "-c statement_timeout=2s"))) {
      String slug = publishedSlug(app);
      String url = datasource.get("quarkus.datasource.jdbc.url");
      List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
      try (Connection lock = DriverManager.getConnection(url, "postgres", "")) {
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
          statement.execute(
              "lock table newsdesk.article, newsdesk.teaser, newsdesk.category"
                  + " in access exclusive mode");
        }
        // More requests than connections: some wait on the lock until statement_timeout, the
        // rest wait for a connection until the acquisition timeout.
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
          String path = i % 2 == 0 ? "/api/v1/feed?limit=" + i : "/api/v1/articles/" + slug;
          calls.add(
              CompletableFuture.runAsync(
                  () -> {
                    try {
                      answers.add(answer(path, call(app, "GET", path, null)));
                    } catch (Exception e) {
                      throw new IllegalStateException(path + ": " + e, e);
                    }
                  }));
        }
        Answer write =
            answer("write", call(app, "POST", "/api/v1/manage/articles", article("Locked out")));
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        lock.rollback();
        answers.add(write);
      }
      System.out.println("Locked database: " + answers);
      assertEquals(9, answers.size());
      answers.forEach(a -> assertTrue(a.unavailable(), a.toString()));
      assertEquals(200, call(app, "GET", "/api/v1/feed", null).statusCode(), "after the lock");
      assertEquals(
          0,
          PostgresDatabase.count(
              url, "select count(*) from newsdesk.article where title = ?", "Locked out"));
    } finally {
      database.stop();
    }
  }

  @Test
  void aDatabaseCrashUnderTrafficIsSurvivedAndNoAcknowledgedWriteIsLost() throws Exception {
    try (LocalCluster cluster = LocalCluster.create();
        PackagedApp app =
            PackagedApp.start(
                "faults-outage",
                cluster.datasource(),
                Map.of(
                    "NEWSDESK_ADMIN_TOKEN",
                    ADMIN,
                    "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT",
                    "2s"))) {
      String slug = publishedSlug(app);
      // A token stored in the database: checking it needs the database too.
      String editor =
          JSON.readTree(
                  call(
                          app,
                          "POST",
                          "/api/v1/manage/tokens",
                          "{\"name\":\"desk\",\"role\":\"editor\"}")
                      .body())
              .path("token")
              .asText();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Answer> reads = Collections.synchronizedList(new ArrayList<>());
      List<Answer> writes = Collections.synchronizedList(new ArrayList<>());
      List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
      List<String> refused = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String title = "Outage write " + i;
                  try {
                    HttpResponse<String> response = createWithKey(app, title);
                    writes.add(answer(title, response));
                    if (response.statusCode() == 201) {
                      acknowledged.add(JSON.readTree(response.body()).path("id").asText());
                    } else {
                      refused.add(title);
                    }
                    Thread.sleep(50);
                  } catch (Exception e) {
                    throw new IllegalStateException(title + ": " + e, e);
                  }
                }
              });
      CompletableFuture<Void> reader =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; running.get(); i++) {
                  String path = i % 2 == 0 ? "/api/v1/feed?limit=5" : "/api/v1/articles/" + slug;
                  try {
                    reads.add(answer(path, call(app, "GET", path, null)));
                    Thread.sleep(20);
                  } catch (Exception e) {
                    throw new IllegalStateException(path + ": " + e, e);
                  }
                }
              });
      // Each phase lasts until the load has done something in it, however fast the machine is.
      awaitLoad(
          "writes and reads before the crash",
          () -> acknowledged.size() >= 5 && reads.size() >= 10);
      cluster.crash();
      int ready = awaitReadiness(app, 503);
      List<Answer> stored = new ArrayList<>();
      for (int i = 0; i < 12; i++) { // more than newsdesk.auth.max-failures
        stored.add(
            answer(
                "stored token",
                app.send("GET", "/api/v1/manage/articles", editor, null, Map.of())));
      }
      awaitLoad("writes refused during the outage", () -> refused.size() >= 3);
      cluster.start();
      int recovered = awaitReadiness(app, 200);
      int before = acknowledged.size();
      awaitLoad("writes after recovery", () -> acknowledged.size() >= before + 5);
      running.set(false);
      writer.join();
      reader.join();

      System.out.printf(
          "Database crash: %d writes (%d acknowledged, %d refused with 503), %d reads"
              + " (%d answered 503, the rest 200); readiness %d while down, %d after restart%n",
          writes.size(),
          acknowledged.size(),
          refused.size(),
          reads.size(),
          reads.stream().filter(Answer::unavailable).count(),
          ready,
          recovered);
      assertEquals(503, ready, "readiness while the database is down");
      // A token that cannot be checked is not a bad token: 503, and no lock-out afterwards.
      stored.forEach(a -> assertTrue(a.unavailable(), a.toString()));
      assertEquals(
          200,
          app.send("GET", "/api/v1/manage/articles", editor, null, Map.of()).statusCode(),
          "the stored token after the outage");
      assertEquals(200, recovered, "readiness after the database restarts");
      for (Answer read : reads) {
        assertTrue(read.status() == 200 || read.unavailable(), read.toString());
      }
      for (Answer write : writes) {
        assertTrue(write.status() == 201 || write.unavailable(), write.toString());
      }
      assertTrue(writes.stream().anyMatch(Answer::unavailable), "the outage was felt by writes");
      assertEquals(201, writes.get(writes.size() - 1).status(), "writes work again");
      for (String id : acknowledged) {
        assertEquals(
            200,
            call(app, "GET", "/api/v1/manage/articles/" + id, null).statusCode(),
            "acknowledged write " + id);
      }
      // A refused create may still have committed (the crash can cut a commit off after the
      // fact): retried with its Idempotency-Key, as a client does after Retry-After, each exists
      // exactly once.
      String url = cluster.jdbcUrl();
      for (String title : refused) {
        HttpResponse<String> retry = createWithKey(app, title);
        assertEquals(201, retry.statusCode(), title + ": " + retry.body());
        assertEquals(
            1,
            PostgresDatabase.count(
                url, "select count(*) from newsdesk.article where title = ?", title),
            title);
      }
      assertEquals(
          0,
          PostgresDatabase.count(
              url,
              "select count(*) from newsdesk.article a left join newsdesk.teaser t"
                  + " on t.article_id = a.id where t.article_id is null",
              null),
          "every article has its teaser");
    }
  }

  /** Waits until readiness answers {@code status}, for at most a minute; returns it. */
  private static int awaitReadiness(PackagedApp app, int status) {
    org.awaitility.Awaitility.await("readiness answers " + status)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> call(app, "GET", "/q/health/ready", null).statusCode() == status);
    return status;
  }

  private static void awaitLoad(String what, java.util.concurrent.Callable<Boolean> done) {
    org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(120)).until(done);
  }
}
