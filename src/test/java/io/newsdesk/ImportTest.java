package io.newsdesk;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports by external id can be re-run: nothing is duplicated, a bad line is only that line. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ImportTest {

  private static int count(String category) {
    return Api.as(Api.token("editor"))
        .queryParam("category", category)
        .get("/api/v1/manage/articles")
        .then()
        .extract()
        .path("page.totalItems");
  }

  private static List<JsonPath> importLines(String ndjson) {
    String answer =
        Api.as(Api.token("editor"))
            .contentType("application/x-ndjson")
            .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/v1/manage/import")
            .then()
            .statusCode(200)
            .contentType("application/x-ndjson")
            .extract()
            .asString();
    return Arrays.stream(answer.split("\n")).map(JsonPath::new).toList();
  }

  @Test
  void theFirstAddressOfTheUpsertStillWorksAndSaysWhereItMoved() {
    String category = Api.category();
    String wire = Api.unique("wire");
    Map<String, Object> body = Api.article(category, "Harbour dues unchanged");
    String id =
        Api.as(Api.token("editor"))
            .noFilters() // an address outside the API document, on purpose
            .contentType(ContentType.JSON)
            .body(body)
            .put("/api/v1/manage/articles/by-external-id/" + wire)
            .then()
            .statusCode(201)
            .header("Deprecation", "true")
            .header(
                "Link",
                "</api/v1/manage/external-articles/" + wire + ">; rel=\"successor-version\"")
            .extract()
            .path("id");
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Api.with(body, "title", "Harbour dues unchanged for a year"))
        .put("/api/v1/manage/external-articles/" + wire)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("title", equalTo("Harbour dues unchanged for a year"));
  }

  @Test
  void upsertByExternalIdCreatesThenReplacesThenLeavesAlone() {
    String category = Api.category();
    String wire = Api.unique("wire");
    Map<String, Object> body = Api.article(category, "Grain prices steady");
    String path = "/api/v1/manage/external-articles/" + wire;
    String id =
        Api.as(Api.token("editor"))
            .contentType(ContentType.JSON)
            .body(body)
            .put(path)
            .then()
            .statusCode(201)
            .body("externalId", equalTo(wire))
            .extract()
            .path("id");
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(body)
        .put(path)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("version", equalTo(0));
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Api.with(body, "title", "Grain prices rise"))
        .put(path)
        .then()
        .statusCode(200)
        .body("title", equalTo("Grain prices rise"))
        .body("version", equalTo(1));
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Api.with(body, "externalId", "another-id"))
        .put(path)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("externalId"));
    assertEquals(1, count(category));
  }

  @Test
  void aReRunCreatesNothingNewAndABadLineIsReportedWhileTheOthersLand() {
    String category = Api.category();
    String a = Api.unique("agency");
    String b = Api.unique("agency");
    String ndjson =
        String.join(
            "\n",
            "{\"externalId\":\""
                + a
                + "\",\"title\":\"Harbour dredging begins\",\"category\":\""
                + category
                + "\",\"body\":\"Work starts.\",\"publishAt\":\"2026-01-02T03:04:05Z\"}",
            "{\"externalId\":\"bad\",\"title\":\"\",\"category\":\"" + category + "\"}",
            "not json at all",
            "{\"externalId\":\""
                + b
                + "\",\"title\":\"Dredging pauses for birds\",\"category\":\""
                + category
                + "\"}",
            "");
    List<JsonPath> first = importLines(ndjson);
    assertEquals(4, first.size());
    assertEquals("created", first.get(0).getString("result"));
    assertEquals(
        "published",
        Api.as(Api.token("editor"))
            .get("/api/v1/manage/articles/" + first.get(0).getString("id"))
            .path("status"));
    assertEquals("failed", first.get(1).getString("result"));
    assertEquals(400, first.get(1).getInt("status"));
    assertEquals("title", first.get(1).getString("errors[0].field"));
    assertEquals("failed", first.get(2).getString("result"));
    assertEquals(3, first.get(2).getInt("line"));
    assertEquals("created", first.get(3).getString("result"));
    assertEquals(4, first.get(3).getInt("line"));
    assertEquals(2, count(category));

    List<JsonPath> again = importLines(ndjson);
    assertEquals("unchanged", again.get(0).getString("result"));
    assertEquals(first.get(0).getString("id"), again.get(0).getString("id"));
    assertEquals("unchanged", again.get(3).getString("result"));
    assertEquals(2, count(category));
  }

  @Test
  void anEmptyImportImportsNothingAndABodyOfAnotherTypeIs415() {
    Api.as(Api.token("editor"))
        .contentType("application/x-ndjson")
        .body(new byte[0])
        .post("/api/v1/manage/import")
        .then()
        .statusCode(200)
        .contentType("application/x-ndjson")
        .body(org.hamcrest.Matchers.emptyString());
    Api.as(Api.token("editor"))
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/manage/import")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("detail", org.hamcrest.Matchers.equalTo("Send the body as application/x-ndjson"));
  }

  @Test
  void aLineWithoutExternalIdIsRefused() {
    String category = Api.category();
    List<JsonPath> lines = importLines("{\"title\":\"No id\",\"category\":\"" + category + "\"}\n");
    assertEquals("failed", lines.get(0).getString("result"));
    assertEquals("externalId", lines.get(0).getString("errors[0].field"));
    assertEquals(0, count(category));
  }

  @Test
  void aThousandLinesStreamThrough() throws Exception {
    String category = Api.category();
    String prefix = Api.unique("bulk");
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      ndjson
          .append("{\"externalId\":\"")
          .append(prefix)
          .append('-')
          .append(i)
          .append("\",\"title\":\"Bulk story ")
          .append(i)
          .append("\",\"category\":\"")
          .append(category)
          .append("\",\"body\":\"Line ")
          .append(i)
          .append(" of the bulk import.\"}\n");
    }
    long analyzedBefore = analyzeCount("teaser");
    List<JsonPath> lines = importLines(ndjson.toString());
    assertEquals(1000, lines.size());
    assertEquals(1000, lines.stream().filter(l -> l.getString("result").equals("created")).count());
    assertEquals(1000, count(category));
    // a thousand lines written: the planner's statistics were refreshed before the answer ended
    assertEquals(analyzedBefore + 1, analyzeCount("teaser"));
  }

  /**
   * Lines that arrive together are written in shared transactions: a line that fails only there (an
   * unknown category is found in the database) is the only one lost, a line that names an earlier
   * line's article applies after it, and every publication reaches the change feed.
   */
  @Test
  void linesWrittenTogetherAreStillAllOrNothingEachAndInOrder() {
    String category = Api.category();
    String prefix = Api.unique("together");
    String since = ChangeFeedTest.replay(null).next();
    StringBuilder ndjson = new StringBuilder();
    for (int i = 1; i <= 120; i++) {
      String id = prefix + "-" + (i == 80 ? 10 : i);
      String title = i == 80 ? "Together story 10, corrected" : "Together story " + i;
      String lineCategory = i == 37 ? "no-such-category-" + prefix : category;
      ndjson.append(
          String.format(
              "{\"externalId\":\"%s\",\"title\":\"%s\",\"category\":\"%s\","
                  + "\"body\":\"Paragraph %d.\"%s}%n",
              id,
              title,
              lineCategory,
              i,
              i % 2 == 0 ? ",\"publishAt\":\"2026-01-01T00:00:00Z\"" : ""));
    }
    List<JsonPath> lines = importLines(ndjson.toString());
    assertEquals(120, lines.size());
    java.util.Set<String> published = new java.util.HashSet<>();
    for (int i = 1; i <= 120; i++) {
      JsonPath line = lines.get(i - 1);
      assertEquals(i, line.getInt("line"));
      String expected = i == 37 ? "failed" : i == 80 ? "updated" : "created";
      assertEquals(expected, line.getString("result"), "line " + i);
      if (i % 2 == 0 && i != 80) {
        published.add(line.getString("id"));
      }
    }
    assertEquals(400, lines.get(36).getInt("status"));
    assertEquals("category", lines.get(36).getString("errors[0].field"));
    assertEquals(lines.get(9).getString("id"), lines.get(79).getString("id"));
    assertEquals(118, count(category));
    assertEquals(
        "Together story 10, corrected",
        Api.as(Api.token("editor"))
            .get("/api/v1/manage/articles/" + lines.get(9).getString("id"))
            .path("title"));
    java.util.Set<String> announced = new java.util.HashSet<>();
    for (Map<String, Object> change : ChangeFeedTest.replay(since).changes()) {
      if ("published".equals(change.get("type"))) {
        announced.add((String) change.get("id"));
      }
    }
    assertTrue(announced.containsAll(published), "every imported publication is in the feed");
  }

  /** How often {@code table} has been analyzed by hand (autovacuum is off on these machines). */
  private static long analyzeCount(String table) throws java.sql.SQLException {
    return PostgresDatabase.count(
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.datasource.jdbc.url", String.class),
        "select analyze_count from pg_stat_user_tables where schemaname = 'newsdesk' and relname = ?",
        table);
  }
}
