package io.newsdesk.webhook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newsdesk.PostgresDatabase;
import io.newsdesk.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks reach a real receiver on 127.0.0.1: once each, signed, retried until they land. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class WebhookTest {

  private static final String ADMIN = "Bearer test-admin-token";
  private static final String SECRET = "receiver-shared-secret";

  /** What the receiver got: the raw body and the headers that matter. */
  record Received(String body, String signature, String eventId, String event, int attempt) {}

  @Inject Webhooks webhooks;

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private String url;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
          if (status == 204) {
            var h = exchange.getRequestHeaders();
            received.add(
                new Received(
                    body,
                    h.getFirst("X-Newsdesk-Signature"),
                    h.getFirst("X-Newsdesk-Event-Id"),
                    h.getFirst("X-Newsdesk-Event"),
                    Integer.parseInt(h.getFirst("X-Newsdesk-Attempt"))));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private String subscribe(String... events) {
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("url", url, "events", List.of(events), "secret", SECRET))
        .post("/api/v1/manage/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static String category() {
    String slug = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "name", "Hooks"))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    return slug;
  }

  static String draft(String category, String title) {
    return given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("title", title, "category", category, "body", "Text."))
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static void publish(String id, Map<String, Object> body) {
    given()
        .header("Authorization", ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/manage/articles/" + id + "/publish")
        .then()
        .statusCode(200);
  }

  private List<Received> eventsFor(String articleId, String type) {
    return received.stream()
        .filter(r -> r.event().equals(type) && r.body().contains(articleId))
        .toList();
  }

  private void waitFor(String articleId, String type, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertEquals(count, eventsFor(articleId, type).size(), type + " for " + articleId));
  }

  /**
   * Waits until no delivery of the subscription is pending any more: from then on none can be
   * claimed and sent again, so what the receiver has is all it will ever get.
   */
  private static void waitUntilSettled(String hook) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                given()
                    .header("Authorization", ADMIN)
                    .get("/api/v1/manage/webhooks/" + hook + "/deliveries?limit=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("items.status")
                    .stream()
                    .noneMatch("pending"::equals));
  }

  @Test
  void eachEventArrivesOnceSignedWithItsStates() throws Exception {
    String hook = subscribe(Events.PUBLISHED, Events.UNPUBLISHED);
    String id = draft(category(), "Signal box restored");
    publish(id, Map.of());
    waitFor(id, Events.PUBLISHED, 1);
    Received event = eventsFor(id, Events.PUBLISHED).get(0);

    String[] parts = event.signature().split(",");
    String t = parts[0].substring(2);
    assertEquals("v1=" + WebhookDispatcher.sign(SECRET, t + "." + event.body()), parts[1]);
    assertTrue(Math.abs(TestClock.now().getEpochSecond() - Long.parseLong(t)) < 60);
    JsonNode body = new ObjectMapper().readTree(event.body());
    assertEquals(event.eventId(), body.path("id").asText());
    assertEquals(Events.PUBLISHED, body.path("type").asText());
    assertEquals(id, body.path("data").path("article").path("id").asText());
    assertEquals("published", body.path("data").path("article").path("visibility").asText());
    // the article's public page, as articles and feeds give it
    assertTrue(
        body.path("data").path("article").path("url").asText().startsWith("http://localhost:8080/"),
        body.toString());
    assertEquals("hidden", body.path("data").path("previous").path("visibility").asText());

    given()
        .header("Authorization", ADMIN)
        .post("/api/v1/manage/articles/" + id + "/unpublish")
        .then()
        .statusCode(200);
    waitFor(id, Events.UNPUBLISHED, 1);
    waitUntilSettled(hook); // nothing is left to send: nothing arrives twice
    assertEquals(1, eventsFor(id, Events.PUBLISHED).size());
    assertEquals(1, eventsFor(id, Events.UNPUBLISHED).size());
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/manage/webhooks/" + hook + "/deliveries")
        .then()
        .statusCode(200)
        .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("delivered")));
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/manage/webhooks/" + hook)
        .then()
        .statusCode(204);
  }

  @Test
  void aReceiverThatFailsThreeTimesGetsTheEventOnTheFourthAttempt() throws Exception {
    String hook = subscribe(Events.PUBLISHED);
    failuresLeft.set(3);
    String id = draft(category(), "Retry until it lands");
    publish(id, Map.of());
    waitFor(id, Events.PUBLISHED, 1);
    assertEquals(4, eventsFor(id, Events.PUBLISHED).get(0).attempt());
    // the receiver has it; the dispatcher records the answer a moment later
    waitUntilSettled(hook);
    JsonPath log =
        given()
            .header("Authorization", ADMIN)
            .get("/api/v1/manage/webhooks/" + hook + "/deliveries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("delivered", log.getString("items[0].status"));
    assertEquals(4, log.getInt("items[0].attempts"));
    assertEquals(204, log.getInt("items[0].lastStatus"));

    String delivery = log.getString("items[0].id");
    given()
        .header("Authorization", ADMIN)
        .post("/api/v1/manage/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver")
        .then()
        .statusCode(202);
    waitFor(id, Events.PUBLISHED, 2);
    assertEquals(
        eventsFor(id, Events.PUBLISHED).get(0).eventId(),
        eventsFor(id, Events.PUBLISHED).get(1).eventId(),
        "a redelivery carries the same event id");
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/manage/webhooks/" + hook)
        .then()
        .statusCode(204);
  }

  @Test
  void aChangeThatRollsBackSendsNothing() throws Exception {
    String hook = subscribe(Events.UPDATED);
    String marker = UUID.randomUUID().toString();
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                webhooks.enqueue(Events.UPDATED, Map.of("article", Map.of("id", marker)));
                throw new IllegalStateException("the change fails after its event was written");
              });
    } catch (IllegalStateException expected) {
      // rolled back
    }
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                webhooks.enqueue(
                    Events.UPDATED, Map.of("article", Map.of("id", "committed-" + marker))));
    waitFor("committed-" + marker, Events.UPDATED, 1);
    assertEquals(0, eventsFor("\"" + marker, Events.UPDATED).size());
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/manage/webhooks/" + hook)
        .then()
        .statusCode(204);
  }

  @Test
  void aScheduledPublishFiresOnceWhenItsTimeComes() throws Exception {
    String hook = subscribe(Events.PUBLISHED);
    String id = draft(category(), "Midnight launch");
    publish(id, Map.of("publishAt", TestClock.now().plus(Duration.ofMinutes(10)).toString()));
    // Before its time there is nothing to send: the event is written when the time comes.
    given()
        .header("Authorization", ADMIN)
        .get("/api/v1/manage/webhooks/" + hook + "/deliveries")
        .then()
        .statusCode(200)
        .body("page.totalItems", equalTo(0));
    TestClock.advance(Duration.ofMinutes(10));
    waitFor(id, Events.PUBLISHED, 1);
    waitUntilSettled(hook);
    assertEquals(1, eventsFor(id, Events.PUBLISHED).size());
    JsonNode body = new ObjectMapper().readTree(eventsFor(id, Events.PUBLISHED).get(0).body());
    assertEquals("scheduled", body.path("data").path("previous").path("visibility").asText());
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/manage/webhooks/" + hook)
        .then()
        .statusCode(204);
  }

  @Test
  void assetsAnnounceTheirUploadNewDescriptionAndDeletion() {
    String hook = subscribe(Events.ASSET_CREATED, Events.ASSET_UPDATED, Events.ASSET_DELETED);
    String asset =
        given()
            .header("Authorization", ADMIN)
            .contentType("image/png")
            .body(io.newsdesk.TestImages.png(64, 48))
            .post("/api/v1/manage/assets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .header("Authorization", ADMIN)
        .contentType("application/merge-patch+json")
        .body(Map.of("credit", "Webhook desk"))
        .patch("/api/v1/manage/assets/" + asset)
        .then()
        .statusCode(200);
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/manage/assets/" + asset)
        .then()
        .statusCode(204);
    waitFor(asset, Events.ASSET_DELETED, 1);
    waitUntilSettled(hook);
    for (String event : List.of(Events.ASSET_CREATED, Events.ASSET_UPDATED, Events.ASSET_DELETED)) {
      assertEquals(1, eventsFor(asset, event).size(), event);
    }
    given()
        .header("Authorization", ADMIN)
        .delete("/api/v1/manage/webhooks/" + hook)
        .then()
        .statusCode(204);
  }

  @Test
  void badSubscriptionsAre400s() {
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of(
                "url",
                "ftp://example.com/x",
                "events",
                List.of(Events.PUBLISHED),
                "secret",
                SECRET),
            Map.of("url", url, "events", List.of("article.exploded"), "secret", SECRET),
            Map.of("url", url, "events", List.of(), "secret", SECRET),
            Map.of("url", url, "events", List.of(Events.PUBLISHED), "secret", "short"))) {
      given()
          .header("Authorization", ADMIN)
          .contentType(ContentType.JSON)
          .body(body)
          .post("/api/v1/manage/webhooks")
          .then()
          .statusCode(400)
          .contentType("application/problem+json");
    }
  }
}
