package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property-based: random query strings, path segments and JSON bodies, thrown at the packaged
 * application's delivery and management endpoints. Whatever arrives, the answer is never a 5xx, an
 * error is problem+json, and no body shows a stack trace, a class name or SQL. jqwik shrinks a
 * failure to the smallest request that shows it.
 */
class FuzzIT {

  private static final String ADMIN = "fuzz-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final PostgresDatabase database = new PostgresDatabase();
  private static PackagedApp app;
  private static String category;
  private static String article;

  @BeforeContainer
  static void start() throws Exception {
    app =
        PackagedApp.start(
            "fuzz",
            database.start(),
            Map.of(
                "NEWSDESK_ADMIN_TOKEN", ADMIN, "NEWSDESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true"));
    category = "fuzz-section";
    send(
        "POST",
        "/api/v1/manage/categories",
        "application/json",
        "{\"slug\":\"fuzz-section\",\"name\":\"Fuzz\"}");
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/manage/articles",
            "application/json",
            "{\"title\":\"Fuzz target\",\"category\":\"fuzz-section\",\"body\":\"Some words here.\"}");
    article = JSON.readTree(created.body()).path("id").asText();
    send("POST", "/api/v1/manage/articles/" + article + "/publish", "application/json", "{}");
  }

  @AfterContainer
  static void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
    database.stop();
  }

  private static HttpResponse<String> send(
      String method, String pathAndQuery, String type, String body) throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    if (type != null) {
      headers.put("Content-Type", type);
    }
    if (method.equals("PUT") || method.equals("PATCH")) {
      headers.put("If-Match", "\"1\"");
    }
    return app.send(method, pathAndQuery, ADMIN, body, headers);
  }

  private static void assertSafe(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    assertTrue(status < 500, what + " -> " + status + " " + response.body());
    if (status >= 400) {
      String type = response.headers().firstValue("Content-Type").orElse("");
      assertTrue(type.startsWith("application/problem+json"), what + " -> " + status + " " + type);
      assertFalse(Api.INSIDES.matcher(response.body()).find(), what + " -> " + response.body());
    }
  }

  // --- Query strings and path segments on the delivery API ---

  @Property(tries = 400)
  void randomQueriesNeverHurt(
      @ForAll("deliveryPaths") String path,
      @ForAll("queryParameters") List<Tuple2<String, String>> parameters)
      throws Exception {
    StringBuilder query = new StringBuilder();
    for (Tuple2<String, String> parameter : parameters) {
      query
          .append(query.length() == 0 ? '?' : '&')
          .append(parameter.get1())
          .append('=')
          .append(parameter.get2());
    }
    String target = path + query;
    assertSafe("GET " + target, send("GET", target, null, null));
  }

  @Property(tries = 200)
  void randomSlugsAndIdsNeverHurt(
      @ForAll("segmentPaths") String prefix, @ForAll("values") String segment) throws Exception {
    String target = prefix + (segment.isEmpty() ? "x" : segment);
    assertSafe("GET " + target, send("GET", target, null, null));
  }

  @Provide
  Arbitrary<String> deliveryPaths() {
    return Arbitraries.of(
        "/api/v1/feed",
        "/api/v1/search",
        "/api/v1/changes",
        "/api/v1/categories",
        "/api/v1/articles/fuzz-target",
        "/feeds/rss.xml",
        "/feeds/atom.xml",
        "/feeds/feed.json",
        "/api/v1/manage/articles",
        "/api/v1/manage/audit");
  }

  @Provide
  Arbitrary<String> segmentPaths() {
    return Arbitraries.of(
        "/api/v1/articles/",
        "/api/v1/categories/",
        "/api/v1/preview/",
        "/api/v1/manage/articles/",
        "/api/v1/manage/webhooks/",
        "/api/v1/manage/articles/by-external-id/");
  }

  @Provide
  Arbitrary<List<Tuple2<String, String>>> queryParameters() {
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.of(
                "limit",
                "page",
                "cursor",
                "before",
                "after",
                "category",
                "tag",
                "q",
                "since",
                "status",
                "preview",
                "include",
                "actor",
                "entityType",
                "entityId"),
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
    return Combinators.combine(names, values()).as(Tuple::of).list().ofMaxSize(4);
  }

  /** A query or path value as sent on the wire: encoded text, raw bytes, numbers, instants. */
  @Provide
  Arbitrary<String> values() {
    Arbitrary<String> text =
        Arbitraries.strings()
            .all()
            .ofMaxLength(60)
            .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    Arbitrary<String> rawBytes =
        Arbitraries.integers()
            .between(0, 255)
            .map(b -> String.format("%%%02X", b))
            .list()
            .ofMaxSize(12)
            .map(l -> String.join("", l));
    Arbitrary<String> numbers =
        Arbitraries.oneOf(
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.bigIntegers()
                .between(
                    java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
                .map(String::valueOf),
            Arbitraries.of("1e400", "-0", "NaN", "Infinity", "0x10", "1.5"));
    Arbitrary<String> odd =
        Arbitraries.of(
            "%27",
            "%22",
            "%5C",
            "%25",
            "%26",
            "%7C",
            "!",
            "%3A*",
            "%3C-%3E",
            "(",
            ")",
            "--",
            "%3B",
            "..%2F..",
            "%00",
            "2026-01-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "fuzz-section",
            "fuzz-target",
            "eyJ4IjoxfQ",
            "true",
            "");
    return Arbitraries.oneOf(text, rawBytes, numbers, odd);
  }

  // --- JSON bodies on the management API, each followed by a read of what may now show them ---

  @Property(tries = 300)
  void randomBodiesNeverHurt(
      @ForAll("writes") Tuple2<String, String> write,
      @ForAll("bodies") String body,
      @ForAll("deliveryPaths") String read)
      throws Exception {
    String method = write.get1().substring(0, write.get1().indexOf(' '));
    String path = write.get1().substring(write.get1().indexOf(' ') + 1).replace("{id}", article);
    String type = method.equals("PATCH") ? "application/merge-patch+json" : write.get2();
    assertSafe(method + " " + path + " " + body, send(method, path, type, body));
    // whatever the write stored, every reader's view of it still renders
    assertSafe(
        "GET " + read + " after " + method + " " + path + " " + body,
        send("GET", read, null, null));
  }

  @Provide
  Arbitrary<Tuple2<String, String>> writes() {
    Arbitrary<String> operations =
        Arbitraries.of(
            "POST /api/v1/manage/articles",
            "PUT /api/v1/manage/articles/{id}",
            "PATCH /api/v1/manage/articles/{id}",
            "POST /api/v1/manage/articles/{id}/publish",
            "PUT /api/v1/manage/articles/{id}/teaser",
            "PUT /api/v1/manage/articles/by-external-id/fuzz-wire",
            "POST /api/v1/manage/categories",
            "PUT /api/v1/manage/categories/fuzz-section",
            "POST /api/v1/manage/tokens",
            "POST /api/v1/manage/webhooks");
    Arbitrary<String> types =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just("application/json")),
            Tuple.of(
                1,
                Arbitraries.of(
                    "text/plain",
                    "application/json; charset=latin1",
                    "*/*",
                    "application/x-ndjson")));
    return Combinators.combine(operations, types).as(Tuple::of);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> keys =
        Arbitraries.oneOf(
            Arbitraries.of(
                "title",
                "subtitle",
                "slug",
                "category",
                "tags",
                "byline",
                "body",
                "bodyFormat",
                "image",
                "seo",
                "externalId",
                "publishAt",
                "name",
                "description",
                "position",
                "parent",
                "role",
                "url",
                "events",
                "secret",
                "excerpt",
                "id",
                "status",
                "version"),
            Arbitraries.strings().all().ofMaxLength(10));
    Arbitrary<Object> scalars =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(80).map(s -> (Object) s),
            Arbitraries.of(
                    "fuzz-section",
                    "2026-01-01T00:00:00Z",
                    "markdown",
                    "html",
                    "editor",
                    "https://example.com/x",
                    "article.published",
                    "<script>x</script>",
                    "")
                .map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.longs().map(l -> (Object) l),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null));
    Arbitrary<Object> values =
        Arbitraries.oneOf(
            scalars,
            scalars.list().ofMaxSize(5).map(l -> (Object) l),
            Arbitraries.maps(keys, scalars).ofMaxSize(3).map(m -> (Object) m));
    Arbitrary<String> objects =
        Arbitraries.maps(keys, values).ofMaxSize(8).map(m -> write(new LinkedHashMap<>(m)));
    Arbitrary<String> garbage =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(100),
            values.map(FuzzIT::write),
            Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
            Arbitraries.integers()
                .between(1, 3000)
                .map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    return Arbitraries.frequencyOf(Tuple.of(4, objects), Tuple.of(1, garbage));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
