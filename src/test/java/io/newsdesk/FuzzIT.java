package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

/**
 * Property-based: random query strings, path segments and JSON bodies, thrown at the packaged
 * application's delivery and management endpoints. Whatever arrives, the answer is never a 5xx, an
 * error is problem+json, and no body shows a stack trace, a class name or SQL. QuickTheories
 * shrinks a failure to the smallest request that shows it and prints the seed that replays it.
 */
class FuzzIT {

  private static final String ADMIN = "fuzz-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final PostgresDatabase database = new PostgresDatabase();
  private static PackagedApp app;
  private static String category;
  private static String article;

  @BeforeAll
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

  @AfterAll
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

  /** A property's check, which may send requests. */
  @FunctionalInterface
  interface Check<T> {
    void accept(T value) throws Exception;
  }

  private static <T> java.util.function.Consumer<T> unchecked(Check<T> check) {
    return value -> {
      try {
        check.accept(value);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  // --- Query strings and path segments on the delivery API ---

  @Test
  void randomQueriesNeverHurt() {
    qt().withExamples(400)
        .forAll(deliveryPaths(), queryParameters())
        .asWithPrecursor((path, parameters) -> path + query(parameters))
        .checkAssert(
            (path, parameters, target) ->
                unchecked((String t) -> assertSafe("GET " + t, send("GET", t, null, null)))
                    .accept(target));
  }

  private static String query(List<Pair<String, String>> parameters) {
    StringBuilder query = new StringBuilder();
    for (Pair<String, String> parameter : parameters) {
      query
          .append(query.length() == 0 ? '?' : '&')
          .append(parameter._1)
          .append('=')
          .append(parameter._2);
    }
    return query.toString();
  }

  @Test
  void randomSlugsAndIdsNeverHurt() {
    qt().withExamples(200)
        .forAll(segmentPaths(), values())
        .checkAssert(
            (prefix, segment) ->
                unchecked(
                        (String target) ->
                            assertSafe("GET " + target, send("GET", target, null, null)))
                    .accept(prefix + (segment.isEmpty() ? "x" : segment)));
  }

  private static Gen<String> deliveryPaths() {
    return pick(
        List.of(
            "/api/v1/feed",
            "/api/v1/search",
            "/api/v1/changes",
            "/api/v1/categories",
            "/api/v1/articles/fuzz-target",
            "/feeds/rss.xml",
            "/feeds/atom.xml",
            "/feeds/feed.json",
            "/api/v1/manage/articles",
            "/api/v1/manage/audit"));
  }

  private static Gen<String> segmentPaths() {
    return pick(
        List.of(
            "/api/v1/articles/",
            "/api/v1/categories/",
            "/api/v1/preview/",
            "/api/v1/manage/articles/",
            "/api/v1/manage/webhooks/",
            "/api/v1/manage/external-articles/"));
  }

  private static Gen<List<Pair<String, String>>> queryParameters() {
    Gen<String> names =
        oneOf(
            pick(
                List.of(
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
                    "entityId")),
            strings().basicLatinAlphabet().ofLengthBetween(1, 8).map(FuzzIT::letters));
    return lists().of(names.zip(values(), Pair::of)).ofSizeBetween(0, 4);
  }

  /** Letters only: a parameter name made of random printable ASCII would be another test. */
  private static String letters(String s) {
    String kept = s.replaceAll("[^A-Za-z]", "");
    return kept.isEmpty() ? "x" : kept;
  }

  /** A query or path value as sent on the wire: encoded text, raw bytes, numbers, instants. */
  private static Gen<String> values() {
    Gen<String> text =
        strings()
            .allPossible()
            .ofLengthBetween(0, 60)
            .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8));
    Gen<String> rawBytes =
        lists()
            .of(integers().between(0, 255).map(b -> String.format("%%%02X", b)))
            .ofSizeBetween(0, 12)
            .map(l -> String.join("", l));
    Gen<String> numbers =
        oneOf(
            integers().all().map(i -> String.valueOf(i)),
            longs().all().map(l -> String.valueOf(l)),
            longs()
                .all()
                .map(
                    l ->
                        java.math.BigInteger.valueOf(l)
                            .multiply(java.math.BigInteger.TEN.pow(12))
                            .toString()),
            pick(List.of("1e400", "-0", "NaN", "Infinity", "0x10", "1.5")));
    Gen<String> odd =
        pick(
            List.of(
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
                "%C0%BC",
                "%ED%A0%80",
                "%FF%FE",
                "2026-01-01T00:00:00Z",
                "2026-01-01T05:00:00+05:00",
                "2026-02-30T00:00:00Z",
                "+999999999-12-31T23:59:59Z",
                "fuzz-section",
                "fuzz-target",
                "eyJ4IjoxfQ",
                "true",
                ""));
    return oneOf(text, rawBytes, numbers, odd);
  }

  // --- JSON bodies on the management API, each followed by a read of what may now show them ---

  @Test
  void randomBodiesNeverHurt() {
    qt().withExamples(300)
        .forAll(writes(), bodies(), deliveryPaths())
        .checkAssert(
            (write, body, read) ->
                unchecked(
                        (Object ignored) -> {
                          String method = write._1.substring(0, write._1.indexOf(' '));
                          String path =
                              write
                                  ._1
                                  .substring(write._1.indexOf(' ') + 1)
                                  .replace("{id}", article);
                          String type =
                              method.equals("PATCH") ? "application/merge-patch+json" : write._2;
                          assertSafe(
                              method + " " + path + " " + body, send(method, path, type, body));
                          // whatever the write stored, every reader's view of it still renders
                          assertSafe(
                              "GET " + read + " after " + method + " " + path + " " + body,
                              send("GET", read, null, null));
                        })
                    .accept(null));
  }

  private static Gen<Pair<String, String>> writes() {
    Gen<String> operations =
        pick(
            List.of(
                "POST /api/v1/manage/articles",
                "PUT /api/v1/manage/articles/{id}",
                "PATCH /api/v1/manage/articles/{id}",
                "POST /api/v1/manage/articles/{id}/publish",
                "PUT /api/v1/manage/articles/{id}/teaser",
                "PUT /api/v1/manage/external-articles/fuzz-wire",
                "POST /api/v1/manage/categories",
                "PUT /api/v1/manage/categories/fuzz-section",
                "POST /api/v1/manage/tokens",
                "POST /api/v1/manage/webhooks"));
    Gen<String> types =
        frequency(
            Pair.of(8, constant("application/json")),
            Pair.of(
                1,
                pick(
                    List.of(
                        "text/plain",
                        "application/json; charset=latin1",
                        "*/*",
                        "application/x-ndjson"))));
    return operations.zip(types, Pair::of);
  }

  private static Gen<String> bodies() {
    Gen<String> keys =
        oneOf(
            pick(
                List.of(
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
                    "version")),
            strings().allPossible().ofLengthBetween(0, 10));
    Gen<Object> scalars =
        oneOf(
            strings().allPossible().ofLengthBetween(0, 80).map(s -> (Object) s),
            pick(List.of(
                    "fuzz-section",
                    "2026-01-01T00:00:00Z",
                    "markdown",
                    "html",
                    "editor",
                    "https://example.com/x",
                    "article.published",
                    "<script>x</script>",
                    ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>"
                        + ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>> deep",
                    ""))
                .map(s -> (Object) s),
            integers().all().map(i -> (Object) i),
            longs().all().map(l -> (Object) l),
            doubles().any().map(d -> (Object) d),
            booleans().all().map(b -> (Object) b),
            constant(() -> (Object) null));
    Gen<Object> values =
        oneOf(
            scalars,
            lists().of(scalars).ofSizeBetween(0, 5).map(l -> (Object) l),
            objects(keys, scalars, 3).map(m -> (Object) m));
    Gen<String> objects = objects(keys, values, 8).map(FuzzIT::write);
    Gen<String> garbage =
        oneOf(
            strings().allPossible().ofLengthBetween(0, 100),
            values.map(FuzzIT::write),
            integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
            integers().between(1, 3000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    return frequency(Pair.of(4, objects), Pair.of(1, garbage));
  }

  private static Gen<Map<String, Object>> objects(Gen<String> keys, Gen<Object> values, int max) {
    return lists()
        .of(keys.zip(values, Pair::of))
        .ofSizeBetween(0, max)
        .map(
            entries -> {
              Map<String, Object> object = new LinkedHashMap<>();
              entries.forEach(e -> object.put(e._1, e._2));
              return object;
            });
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
