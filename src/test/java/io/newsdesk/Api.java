package io.newsdesk;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Test helpers that drive the public API as a client would; every test makes its own data. */
final class Api {

  /** The bootstrap admin token set for the test profile in application.properties. */
  static final String ADMIN = "test-admin-token";

  /** Stack traces, exception names and SQL: nothing of the server's insides in any body. */
  static final Pattern INSIDES =
      Pattern.compile(
          "(?i)exception|\\tat |\\bat (org|io|java)\\.|hibernate|psql|sqlstate|\\bselect\\b.+\\bfrom\\b"
              + "|syntax error at|newsdesk\\.[a-z]+\\.");

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  private Api() {}

  /** A token of the given role, created once per run through the admin API. */
  static String token(String role) {
    if (role.equals("admin")) {
      return ADMIN;
    }
    return TOKENS.computeIfAbsent(role, r -> newToken(r, "test " + r));
  }

  static String newToken(String role, String name) {
    return as(ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "role", role))
        .post("/api/v1/manage/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  /** Revokes the live token named {@code name}, as an admin does. */
  static void revoke(String name) {
    String id =
        as(ADMIN)
            .get("/api/v1/manage/tokens?limit=100")
            .then()
            .extract()
            .jsonPath()
            .getString("items.find { it.name == '" + name + "' && it.revokedAt == null }.id");
    as(ADMIN).delete("/api/v1/manage/tokens/" + id).then().statusCode(204);
  }

  static RequestSpecification as(String token) {
    return given().header("Authorization", "Bearer " + token);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A new category with a unique slug; returns the slug. */
  static String category() {
    String slug = unique("cat");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "name", "Section " + slug))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    return slug;
  }

  /** Creates a category under {@code parent} as an editor; returns the response. */
  static Response subcategory(String slug, String parent) {
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", slug, "name", "Child " + slug, "parent", parent))
        .post("/api/v1/manage/categories");
  }

  /** A minimal valid article body in the given category; callers add or replace fields. */
  static Map<String, Object> article(String category, String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("category", category);
    body.put("body", "## What happened\n\nThe council met on Tuesday and agreed a new budget.");
    return body;
  }

  static Response create(String token, Map<String, Object> body) {
    return as(token).contentType(ContentType.JSON).body(body).post("/api/v1/manage/articles");
  }

  /** Creates a draft as an editor and returns its id. */
  static String draft(String category, String title) {
    return create(token("editor"), article(category, title))
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  static Response publish(String id, Map<String, Object> body) {
    RequestSpecification request = as(token("editor")).contentType(ContentType.JSON);
    if (body != null) {
      request.body(body);
    }
    return request.post("/api/v1/manage/articles/" + id + "/publish");
  }

  /** Creates and publishes an article now; returns its id. */
  static String published(String category, String title) {
    String id = draft(category, title);
    publish(id, null).then().statusCode(200);
    return id;
  }

  /** Replaces an article's content as an editor, with the If-Match of its current version. */
  static Response replace(String id, Map<String, Object> body) {
    String etag = as(token("editor")).get("/api/v1/manage/articles/" + id).header("ETag");
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(body)
        .put("/api/v1/manage/articles/" + id);
  }

  static void unpublish(String id) {
    as(token("editor")).post("/api/v1/manage/articles/" + id + "/unpublish").then().statusCode(200);
  }

  static void archive(String id) {
    as(token("editor")).delete("/api/v1/manage/articles/" + id).then().statusCode(204);
  }

  static String slug(String id) {
    return as(token("editor")).get("/api/v1/manage/articles/" + id).then().extract().path("slug");
  }

  /**
   * Deletes every webhook, so deliveries to test targets stop retrying in the background (which
   * would also run statements under StatementCountTest's counter).
   */
  static void deleteWebhooks() {
    java.util.List<String> ids;
    do {
      ids = as(ADMIN).get("/api/v1/manage/webhooks?limit=100").then().extract().path("items.id");
      ids.forEach(id -> as(ADMIN).delete("/api/v1/manage/webhooks/" + id).then().statusCode(204));
    } while (!ids.isEmpty());
  }

  /** The whole change feed, oldest first, read page by page as a client catching up does. */
  static java.util.List<Map<String, String>> allChanges() {
    java.util.List<Map<String, String>> changes = new java.util.ArrayList<>();
    String since = "";
    while (true) {
      io.restassured.path.json.JsonPath page =
          given()
              .get("/api/v1/changes?limit=100" + since)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      java.util.List<Map<String, String>> items = page.getList("items");
      changes.addAll(items);
      if (items.size() < 100) {
        return changes; // up to date
      }
      since = "&since=" + page.getString("page.next");
    }
  }

  /**
   * Waits until the due job has entered a scheduled article's publication in the change feed, and
   * so dropped the cached responses it changes: a test that moved the clock past a publication
   * leaves nothing behind that would drop another test's cached pages a moment later.
   */
  static void awaitReleased(String id) {
    org.awaitility.Awaitility.await("the scheduled publication of " + id + " is released")
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> allChanges().stream().anyMatch(c -> id.equals(c.get("id"))));
  }

  static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    copy.put(key, value);
    return copy;
  }
}
