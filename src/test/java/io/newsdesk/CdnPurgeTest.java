package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newsdesk.cdn.CdnPurges;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Purges by surrogate key reach every configured target in the shape each expects: Varnish's xkey
 * PURGE, Fastly's and Cloudflare's purge APIs (one local receiver plays all three and records what
 * it gets). A purge is written with the change, sent after its commit, sent again after {@code
 * repurge-after}, and retried while a target fails, until it acknowledges. Waits and backoff run on
 * the test clock.
 */
@QuarkusTest
@TestProfile(CdnPurgeTest.ThreeTargets.class)
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class CdnPurgeTest {

  /** What the receiver got: method, path, headers of interest and body. */
  record Received(String method, String path, Map<String, String> headers, String body) {}

  static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

  /** Answers with this status while it is not 0 (a target that is down or refuses). */
  static final AtomicInteger FAIL_WITH = new AtomicInteger();

  static final HttpServer RECEIVER = receiver();

  private static HttpServer receiver() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>();
            for (String name :
                List.of("xkey-purge", "Fastly-Key", "Authorization", "Content-Type")) {
              String value = exchange.getRequestHeaders().getFirst(name);
              if (value != null) {
                headers.put(name, value);
              }
            }
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = FAIL_WITH.get() == 0 ? 200 : FAIL_WITH.get();
            if (status == 200) {
              RECEIVED.add(
                  new Received(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getPath(),
                      headers,
                      body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static class ThreeTargets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String base = "http://127.0.0.1:" + RECEIVER.getAddress().getPort();
      return Map.ofEntries(
          Map.entry("newsdesk.cdn.varnish-urls", base + "/varnish-a," + base),
          Map.entry("newsdesk.cdn.fastly.service-id", "svc123"),
          Map.entry("newsdesk.cdn.fastly.api-token", "fastly-token"),
          Map.entry("newsdesk.cdn.fastly.api-url", base + "/fastly"),
          Map.entry("newsdesk.cdn.cloudflare.zone-id", "zone9"),
          Map.entry("newsdesk.cdn.cloudflare.api-token", "cf-token"),
          Map.entry("newsdesk.cdn.cloudflare.api-url", base + "/cloudflare/client/v4"),
          // the second pass and retries wait on the test clock, moved on by the tests
          Map.entry("newsdesk.cdn.repurge-after", "1h"),
          Map.entry("newsdesk.cdn.retry-base", "10m"),
          Map.entry("newsdesk.cdn.retry-cap", "20m"));
    }
  }

  @Inject CdnPurges purges;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void settle() {
    FAIL_WITH.set(0);
    // whatever earlier tests left is sent and confirmed before this one starts
    TestClock.advance(Duration.ofHours(2));
    Awaitility.await("earlier purges done")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> purges.pending() == 0);
    RECEIVED.clear();
  }

  private List<Received> purgesOf(String articleKey) {
    List<Received> found = new ArrayList<>();
    for (Received received : RECEIVED) {
      if (received.headers().getOrDefault("xkey-purge", "").contains(articleKey)
          || received.body().contains(articleKey)) {
        found.add(received);
      }
    }
    return found;
  }

  @Test
  void aPublicationPurgesEveryTargetInItsOwnShapeTwice() throws Exception {
    String category = Api.category();
    String id = Api.published(category, "Purged from every cache in front");
    String key = "article:" + id;
    Awaitility.await("the first purges")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> purgesOf(key).size() == 4);

    List<Received> first = purgesOf(key);
    Received varnishA = one(first, "/varnish-a");
    assertEquals("PURGE", varnishA.method());
    assertEquals(
        Set.of(key, "feed", "content"), Set.of(varnishA.headers().get("xkey-purge").split(" ")));
    assertEquals(
        2, first.stream().filter(r -> r.method().equals("PURGE")).count(), "both Varnishes");

    Received fastly = one(first, "/fastly/service/svc123/purge");
    assertEquals("POST", fastly.method());
    assertEquals("fastly-token", fastly.headers().get("Fastly-Key"));
    assertEquals("application/json", fastly.headers().get("Content-Type"));
    assertEquals(
        Set.of(key, "feed", "content"), texts(json.readTree(fastly.body()).get("surrogate_keys")));

    Received cloudflare = one(first, "/cloudflare/client/v4/zones/zone9/purge_cache");
    assertEquals("POST", cloudflare.method());
    assertEquals("Bearer cf-token", cloudflare.headers().get("Authorization"));
    assertEquals(
        Set.of(key, "feed", "content"), texts(json.readTree(cloudflare.body()).get("tags")));

    // the second pass comes after repurge-after, and then the outbox is empty
    assertTrue(purges.pending() > 0, "the second pass is still to come");
    TestClock.advance(Duration.ofHours(1));
    Awaitility.await("the second purges")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> purgesOf(key).size() == 8);
    Awaitility.await("all confirmed")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> purges.pending() == 0);
  }

  @Test
  void aTargetThatIsDownIsPurgedWhenItComesBack() throws Exception {
    FAIL_WITH.set(503);
    String id = Api.published(Api.category(), "Purged once the cache is back");
    String key = "article:" + id;
    // refused: nothing acknowledged, the purges wait for their retry
    Awaitility.await("the failed attempts are recorded")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> attempts() >= 4);
    assertTrue(purgesOf(key).isEmpty());
    FAIL_WITH.set(0);
    TestClock.advance(Duration.ofMinutes(10));
    Awaitility.await("purged after the retry")
        .pollInSameThread()
        .atMost(Duration.ofSeconds(30))
        .until(() -> purgesOf(key).size() == 4);
  }

  @Test
  void responsesNameTheirKeysForCloudflareToo() {
    String category = Api.category();
    String id = Api.published(category, "Tagged for Cloudflare");
    String slug = given().get("/api/v1/feed?category=" + category).path("items[0].slug");
    for (int i = 0; i < 2; i++) { // made, then from the cache
      var response = given().get("/api/v1/articles/" + slug);
      assertEquals(
          response.header("Surrogate-Key").replace(' ', ','), response.header("Cache-Tag"));
      assertTrue(response.header("Cache-Tag").contains("article:" + id));
    }
  }

  /** Failed attempts recorded in the outbox. */
  private static long attempts() throws java.sql.SQLException {
    return PostgresDatabase.count(
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.datasource.jdbc.url", String.class),
        "select coalesce(sum(attempts), 0) from newsdesk.cdn_purge",
        null);
  }

  private static Received one(List<Received> received, String path) {
    List<Received> matching = received.stream().filter(r -> r.path().equals(path)).toList();
    assertTrue(!matching.isEmpty(), "a request to " + path + " in " + received);
    return matching.get(0);
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> texts = new java.util.HashSet<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
