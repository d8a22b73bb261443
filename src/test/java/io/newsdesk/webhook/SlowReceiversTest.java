package io.newsdesk.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.newsdesk.PostgresDatabase;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Receivers that never answer hold back only their own deliveries. The timeout is ten minutes here,
 * so a dispatcher that sent one delivery after another would keep the healthy receiver waiting for
 * half an hour; it gets its events while the others still hang.
 */
@QuarkusTest
@TestProfile(SlowReceiversTest.LongTimeout.class)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SlowReceiversTest {

  public static class LongTimeout implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("newsdesk.webhooks.timeout", "10m");
    }
  }

  private static final String ADMIN = "Bearer test-admin-token";

  @Test
  void threeReceiversThatNeverAnswerDoNotDelayAHealthyOne() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger hanging = new AtomicInteger();
    List<String> healthy = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newCachedThreadPool();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/silent",
        exchange -> {
          hanging.incrementAndGet();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.createContext(
        "/healthy",
        exchange -> {
          healthy.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    List<String> hooks = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        hooks.add(subscribe(base + "/silent/" + i));
      }
      hooks.add(subscribe(base + "/healthy"));
      String category = WebhookTest.category();
      for (String title : List.of("First of three", "Second of three", "Third of three")) {
        String id = WebhookTest.draft(category, title);
        WebhookTest.publish(id, Map.of());
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> healthy.stream().anyMatch(body -> body.contains(id)));
      }
      // every silent receiver was sent its first event, all at once, not one after another
      await().atMost(Duration.ofSeconds(60)).until(() -> hanging.get() >= 3);
      assertEquals(3, healthy.size());
    } finally {
      release.countDown();
      for (String hook : hooks) {
        given().header("Authorization", ADMIN).delete("/api/v1/manage/webhooks/" + hook);
      }
      server.stop(0);
      threads.shutdownNow();
    }
  }

  private static String subscribe(String url) {
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "url",
                url,
                "events",
                List.of(Events.PUBLISHED),
                "secret",
                "receiver-shared-secret"))
        .post("/api/v1/manage/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }
}
