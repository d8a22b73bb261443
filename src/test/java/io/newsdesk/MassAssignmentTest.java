package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * No write can set what the server owns, and no delivery response carries what only editors, admins
 * or the server should see.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class MassAssignmentTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Server-managed article fields, with a value of the right type a client might try. */
  private static final Map<String, Object> SERVER_FIELDS = serverFields();

  private static Map<String, Object> serverFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", UUID.randomUUID().toString());
    fields.put("status", "published");
    fields.put("version", 99);
    fields.put("publishedAt", "2020-01-01T00:00:00Z");
    fields.put("firstPublishedAt", "2020-01-01T00:00:00Z");
    fields.put("createdAt", "2020-01-01T00:00:00Z");
    fields.put("updatedAt", "2020-01-01T00:00:00Z");
    fields.put("wordCount", 1);
    fields.put("readingTimeMinutes", 60);
    return fields;
  }

  private static void refused(Response response, String field, List<Executable> checks) {
    int status = response.statusCode();
    String type = response.contentType();
    String named = response.jsonPath().getString("errors[0].field");
    checks.add(() -> assertEquals(400, status, field));
    checks.add(() -> assertEquals("application/problem+json", type, field));
    checks.add(() -> assertEquals(field, named, field));
  }

  @Test
  void serverManagedArticleFieldsAre400sOnCreatePutAndPatchAndChangeNothing() {
    String category = Api.category();
    String id = Api.draft(category, "Owned by the server");
    String before = as(token("editor")).get("/api/v1/manage/articles/" + id).asString();
    String etag = as(token("editor")).get("/api/v1/manage/articles/" + id).header("ETag");
    long articlesBefore = total();
    List<Executable> checks = new ArrayList<>();
    for (Map.Entry<String, Object> field : SERVER_FIELDS.entrySet()) {
      Map<String, Object> body =
          Api.with(Api.article(category, "Sneaky"), field.getKey(), field.getValue());
      refused(Api.create(token("editor"), body), field.getKey(), checks);
      refused(
          as(token("editor"))
              .contentType(ContentType.JSON)
              .header("If-Match", etag)
              .body(body)
              .put("/api/v1/manage/articles/" + id),
          field.getKey(),
          checks);
      refused(
          as(token("editor"))
              .contentType("application/merge-patch+json")
              .header("If-Match", etag)
              .body(Map.of(field.getKey(), field.getValue(), "title", "Sneaky"))
              .patch("/api/v1/manage/articles/" + id),
          field.getKey(),
          checks);
    }
    String after = as(token("editor")).get("/api/v1/manage/articles/" + id).asString();
    checks.add(() -> assertEquals(before, after, "the stored article"));
    checks.add(() -> assertEquals(articlesBefore, total(), "no article was created"));
    assertAll(checks);
  }

  @Test
  void serverManagedFieldsOfCategoriesTokensAndWebhooksAre400s() {
    List<Executable> checks = new ArrayList<>();
    refused(
        as(token("editor"))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Sneaky section", "id", UUID.randomUUID().toString()))
            .post("/api/v1/manage/categories"),
        "id",
        checks);
    for (String field : List.of("token", "lastUsedAt", "createdAt", "id")) {
      refused(
          as(token("admin"))
              .contentType(ContentType.JSON)
              .body(Map.of("name", "sneaky", "role", "editor", field, "2020-01-01T00:00:00Z"))
              .post("/api/v1/manage/tokens"),
          field,
          checks);
    }
    refused(
        as(token("admin"))
            .contentType(ContentType.JSON)
            .body(
                Api.with(
                    webhook("a-long-enough-shared-secret"), "id", UUID.randomUUID().toString()))
            .post("/api/v1/manage/webhooks"),
        "id",
        checks);
    assertAll(checks);
    given()
        .get("/api/v1/categories?limit=100")
        .then()
        .body("items.findAll { it.name == 'Sneaky section' }.size()", equalTo(0));
  }

  /** JSON keys only editors, admins or the server may see. */
  private static final Set<String> PRIVATE_KEYS =
      Set.of(
          "status",
          "publishAt",
          "version",
          "createdAt",
          "markdown",
          "externalId",
          "token",
          "tokenId",
          "secret",
          "hash",
          "tokenHash",
          "role",
          "lastUsedAt",
          "revokedAt",
          "createdBy",
          "owner",
          "author");

  @Test
  void deliveryResponsesCarryNoSecretsAndNoEditorOnlyFields() throws Exception {
    String category = Api.category();
    String marker = "ext-" + UUID.randomUUID();
    Map<String, Object> input = Api.article(category, "Scan for secrets");
    input.put("externalId", marker);
    input.put("body", "## Source heading\n\nThe scan " + marker.substring(4) + " looks here.");
    String id = Api.create(token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    String slug = Api.slug(id);
    String webhookSecret = "webhook-secret-" + UUID.randomUUID();
    as(token("admin"))
        .contentType(ContentType.JSON)
        .body(webhook(webhookSecret))
        .post("/api/v1/manage/webhooks")
        .then()
        .statusCode(201);
    String editorToken = token("editor");
    List<String> secrets = List.of(marker, webhookSecret, editorToken, Api.ADMIN, "## Source");

    List<String> urls =
        List.of(
            "/api/v1/articles/" + slug,
            "/api/v1/feed?category=" + category,
            "/api/v1/feed?page=1&category=" + category,
            "/api/v1/categories",
            "/api/v1/categories/" + category,
            "/api/v1/search?q=scan",
            "/api/v1/changes",
            "/feeds/rss.xml",
            "/feeds/atom.xml",
            "/feeds/feed.json");
    List<Executable> checks = new ArrayList<>();
    for (String url : urls) {
      Response response = given().get(url);
      String body = response.asString();
      checks.add(() -> assertEquals(200, response.statusCode(), url));
      for (String secret : secrets) {
        checks.add(() -> assertFalse(body.contains(secret), url + " contains " + secret));
      }
      if (response.contentType().contains("json")) {
        List<String> keys = new ArrayList<>();
        JsonNode tree = JSON.readTree(body);
        if (tree.path("version").asText().startsWith("https://jsonfeed.org/version/")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove("version"); // the format's
        }
        collectKeys(tree, keys);
        for (String key : keys) {
          checks.add(() -> assertFalse(PRIVATE_KEYS.contains(key), url + " has key " + key));
        }
      }
    }
    Api.deleteWebhooks();
    assertAll(checks);
  }

  private static Map<String, Object> webhook(String secret) {
    return Map.of(
        "url", "http://127.0.0.1:9/hook", "events", List.of("article.published"), "secret", secret);
  }

  private static void collectKeys(JsonNode node, List<String> keys) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        keys.add(entry.getKey());
        collectKeys(entry.getValue(), keys);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectKeys(child, keys));
    }
  }

  private static long total() {
    return as(token("editor"))
        .get("/api/v1/manage/articles?page=1&limit=1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("page.totalItems");
  }
}
