package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged application on one database, each with its own response cache: a
 * write on one becomes visible on the other's feed and article endpoints (the test prints how long
 * that took; it waits on the condition, never on the machine's speed).
 */
class TwoInstancesIT {

  private static final String ADMIN = "two-instances-admin-token";

  /** How long a condition may take before the test gives up: a bound for a hung run only. */
  private static final Duration PROPAGATION = Duration.ofSeconds(60);

  private static final PostgresDatabase database = new PostgresDatabase();
  private static final List<PackagedApp> instances = new ArrayList<>();
  private static String writer;
  private static String reader;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Map<String, String> datasource = database.start();
    Map<String, String> settings =
        Map.of(
            "NEWSDESK_ADMIN_TOKEN", ADMIN,
            // the webhook receiver of the last test is on 127.0.0.1
            "NEWSDESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true",
            "NEWSDESK_WEBHOOKS_POLL_EVERY", "200ms");
    instances.add(PackagedApp.start("two-instances-a", datasource, settings));
    instances.add(PackagedApp.start("two-instances-b", datasource, settings));
    writer = instances.get(0).baseUri();
    reader = instances.get(1).baseUri();
  }

  @AfterAll
  static void stopThem() throws InterruptedException {
    for (PackagedApp instance : instances) {
      instance.close();
    }
    database.stop();
  }

  private static RequestSpecification on(String base) {
    return given().baseUri(base);
  }

  private static RequestSpecification admin() {
    return on(writer).header("Authorization", "Bearer " + ADMIN).contentType(ContentType.JSON);
  }

  /** Polls the reader until {@code seen} holds; returns how long that took. */
  private static Duration untilReaderSees(
      String path, Predicate<io.restassured.response.Response> seen) {
    Instant start = Instant.now();
    org.awaitility.Awaitility.await(path + " on the other instance shows the new state")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> seen.test(on(reader).get(path)));
    return Duration.between(start, Instant.now());
  }

  @Test
  void badTokensCountOnceAcrossInstances() {
    // the default limit is ten a minute per client: spread over two instances they are still ten
    for (int i = 0; i < 10; i++) {
      on(instances.get(i % 2).baseUri())
          .header("Authorization", "Bearer nd_guess-" + i)
          .get("/api/v1/manage/articles")
          .then()
          .statusCode(401);
    }
    for (PackagedApp instance : instances) {
      on(instance.baseUri())
          .header("Authorization", "Bearer nd_guess-more")
          .get("/api/v1/manage/articles")
          .then()
          .statusCode(429)
          .header("Retry-After", org.hamcrest.Matchers.notNullValue());
      // a valid token from the same address still works
      on(instance.baseUri())
          .header("Authorization", "Bearer " + ADMIN)
          .get("/api/v1/manage/articles")
          .then()
          .statusCode(200);
    }
  }

  @Test
  void aPublishEditAndUnpublishOnOneInstanceShowOnTheOther() {
    admin()
        .body(Map.of("slug", "harbour", "name", "Harbour"))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    String id =
        admin()
            .body(
                Map.of("title", "Pilot boats return", "category", "harbour", "body", "Calm seas."))
            .post("/api/v1/manage/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String feed = "/api/v1/feed?category=harbour";
    // The reader serves the empty feed from its cache: the publish must reach that cache.
    untilReaderSees(feed, r -> "HIT".equals(r.header("X-Cache")));

    admin().post("/api/v1/manage/articles/" + id + "/publish").then().statusCode(200);
    Duration published = untilReaderSees(feed, r -> r.jsonPath().getList("items").size() == 1);
    untilReaderSees("/api/v1/articles/pilot-boats-return", r -> r.statusCode() == 200);
    on(reader).get("/api/v1/articles/pilot-boats-return").then().statusCode(200);

    String etag = admin().get("/api/v1/manage/articles/" + id).header("ETag");
    admin()
        .header("If-Match", etag)
        .body(Map.of("title", "Pilot boats return at dawn", "category", "harbour", "body", "Calm."))
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(200);
    Duration edited =
        untilReaderSees(
            "/api/v1/articles/pilot-boats-return",
            r -> "Pilot boats return at dawn".equals(r.jsonPath().getString("title")));
    untilReaderSees(
        feed, r -> "Pilot boats return at dawn".equals(r.jsonPath().getString("items[0].title")));

    admin().post("/api/v1/manage/articles/" + id + "/unpublish").then().statusCode(200);
    Duration unpublished =
        untilReaderSees("/api/v1/articles/pilot-boats-return", r -> r.statusCode() == 404);
    untilReaderSees(feed, r -> r.jsonPath().getList("items").isEmpty());
    assertEquals(404, on(reader).get("/api/v1/articles/pilot-boats-return").statusCode());
    System.out.printf(
        "Seen on the other instance after: publish %d ms, edit %d ms, unpublish %d ms%n",
        published.toMillis(), edited.toMillis(), unpublished.toMillis());
  }

  @Test
  void aScheduledPublishFiresItsWebhookOnceWithBothInstancesRunning() throws Exception {
    List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    com.sun.net.httpserver.HttpServer receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(new String(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    try {
      String hook =
          admin()
              .body(
                  Map.of(
                      "url",
                      "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                      "events",
                      List.of("article.published"),
                      "secret",
                      "two-instances-secret"))
              .post("/api/v1/manage/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      admin()
          .body(Map.of("slug", "night", "name", "Night"))
          .post("/api/v1/manage/categories")
          .then()
          .statusCode(201);
      String id =
          admin()
              .body(Map.of("title", "Lamps lit at dusk", "category", "night", "body", "Soon."))
              .post("/api/v1/manage/articles")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      admin()
          .body(Map.of("publishAt", Instant.now().plusSeconds(2).toString()))
          .post("/api/v1/manage/articles/" + id + "/publish")
          .then()
          .statusCode(200);
      // Both instances look for due articles and deliveries all along. Once the one delivery is
      // delivered, nothing is pending that either could send again: what arrived is all there is.
      org.awaitility.Awaitility.await("the scheduled publish is delivered")
          .atMost(PROPAGATION)
          .until(
              () ->
                  "delivered"
                      .equals(
                          admin()
                              .get("/api/v1/manage/webhooks/" + hook + "/deliveries")
                              .jsonPath()
                              .getString("items[0].status")));
      admin()
          .get("/api/v1/manage/webhooks/" + hook + "/deliveries")
          .then()
          .body("page.totalItems", org.hamcrest.Matchers.equalTo(1));
      assertEquals(
          1, received.stream().filter(body -> body.contains(id)).count(), received.toString());
    } finally {
      receiver.stop(0);
    }
  }
}
