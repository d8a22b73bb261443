package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every operation of the published OpenAPI document, called by every kind of caller, against the
 * table below. An operation added to the API without a row here fails the test, so no route ships
 * without a decision about who may call it.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class RouteInventoryTest {

  /** The callers, in the order of an expectation's statuses. */
  private static final List<String> CALLERS =
      List.of(
          "no token",
          "bad token",
          "malformed header",
          "revoked token",
          "contributor",
          "editor",
          "admin");

  /** One operation: how to call it on fresh data, and the status each caller gets, in order. */
  private record Expectation(
      String operationId, Function<RequestSpecification, Response> call, int... statuses) {}

  private static String revoked;
  private static String category;
  private static String slug;
  private static String tag;
  private static String author;
  private static String collection;
  private static String articleId;

  private static void callersAndContent() {
    revoked = Api.newToken("admin", "revoked at once");
    Api.revoke("revoked at once");
    category = Api.category();
    tag = Api.unique("inventory");
    String id =
        Api.create(
                token("editor"),
                Api.with(Api.article(category, "Inventory council budget"), "tags", List.of(tag)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.publish(id, null).then().statusCode(200);
    slug = Api.slug(id);
    author = newAuthor();
    articleId = id;
    collection = newCollection();
  }

  private static String newCollection() {
    String made = Api.unique("page");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Inventory page", "items", List.of(Map.of("article", articleId))))
        .put("/api/v1/manage/collections/" + made)
        .then()
        .statusCode(201);
    return made;
  }

  private static String thisMonthsSitemap() {
    return "/sitemap-"
        + java.time.YearMonth.from(TestClock.now().atZone(java.time.ZoneOffset.UTC))
        + ".xml";
  }

  private static String newAuthor() {
    String made = Api.unique("writer");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", made, "name", "Inventory Writer"))
        .post("/api/v1/manage/authors")
        .then()
        .statusCode(201);
    return made;
  }

  private static RequestSpecification caller(String who) {
    return switch (who) {
      case "no token" -> given();
      case "bad token" -> as("nd_not-a-real-token");
      case "malformed header" -> given().header("Authorization", "Basic dXNlcjpwYXNz");
      case "revoked token" -> as(revoked);
      default -> as(token(who));
    };
  }

  /** Anonymous delivery: every caller gets the same answer, whatever token it sends. */
  private static Expectation open(
      String operationId, Function<RequestSpecification, Response> call, int status) {
    return new Expectation(
        operationId, call, status, status, status, status, status, status, status);
  }

  /** Management: the unauthenticated callers get 401, the roles their own statuses. */
  private static Expectation manage(
      String operationId,
      Function<RequestSpecification, Response> call,
      int contributor,
      int editor,
      int admin) {
    return new Expectation(operationId, call, 401, 401, 401, 401, contributor, editor, admin);
  }

  /**
   * A draft someone else (an editor) wrote: to a contributor it answers 404 like an unknown id, for
   * reads and writes alike (contributors see their own articles only).
   */
  private static String draft() {
    return Api.draft(category, "Inventory draft");
  }

  private static String etag(String id) {
    return as(token("admin")).get("/api/v1/manage/articles/" + id).header("ETag");
  }

  private static String webhook() {
    return as(token("admin"))
        .contentType(ContentType.JSON)
        .body(webhookBody())
        .post("/api/v1/manage/webhooks")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static Map<String, Object> webhookBody() {
    return Map.of(
        "url",
        "http://127.0.0.1:9/hook",
        "events",
        List.of("article.published"),
        "secret",
        "a-long-enough-shared-secret");
  }

  /** A new, unused photo; returns its id. */
  private static String asset() {
    return as(token("admin"))
        .contentType("image/jpeg")
        .body(TestImages.jpeg(64, 48))
        .post("/api/v1/manage/assets")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String tokenId() {
    return as(token("admin"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "to revoke", "role", "contributor"))
        .post("/api/v1/manage/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static List<Expectation> expectations() {
    String articles = "/api/v1/manage/articles/";
    return List.of(
        // Delivery: anonymous, tokens ignored.
        open("getArticle", r -> r.get("/api/v1/articles/" + slug), 200),
        open("listCategories", r -> r.get("/api/v1/categories"), 200),
        open("getCategory", r -> r.get("/api/v1/categories/" + category), 200),
        open("listTags", r -> r.get("/api/v1/tags"), 200),
        open("relatedArticles", r -> r.get("/api/v1/articles/" + slug + "/related"), 200),
        open("getTag", r -> r.get("/api/v1/tags/" + tag), 200),
        open("listAuthors", r -> r.get("/api/v1/authors"), 200),
        open("sitemapIndex", r -> r.get("/sitemap.xml"), 200),
        open("monthSitemap", r -> r.get(thisMonthsSitemap()), 200),
        open("monthSitemapPage", r -> r.get(thisMonthsSitemap().replace(".xml", "-p2.xml")), 404),
        open("newsSitemap", r -> r.get("/sitemaps/news.xml"), 200),
        open("robots", r -> r.get("/robots.txt"), 200),
        open("getCollection", r -> r.get("/api/v1/collections/" + collection), 200),
        open("getAuthor", r -> r.get("/api/v1/authors/" + author), 200),
        open("changes", r -> r.get("/api/v1/changes"), 200),
        open("feed", r -> r.get("/api/v1/feed"), 200),
        open("search", r -> r.queryParam("q", "council").get("/api/v1/search"), 200),
        open("rss", r -> r.get("/feeds/rss.xml"), 200),
        open("atom", r -> r.get("/feeds/atom.xml"), 200),
        open("jsonFeed", r -> r.get("/feeds/feed.json"), 200),
        open(
            "previewArticle",
            r -> {
              String token =
                  as(token("editor"))
                      .post(articles + draft() + "/preview-token")
                      .then()
                      .statusCode(201)
                      .extract()
                      .path("token");
              return r.get("/api/v1/preview/" + token);
            },
            200),
        // Articles: contributors write their own drafts only (RolesTest), editors everything.
        manage("listArticles", r -> r.get("/api/v1/manage/articles"), 200, 200, 200),
        manage(
            "createArticle",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Api.article(category, "New"))
                    .post("/api/v1/manage/articles"),
            201,
            201,
            201),
        manage("getManagedArticle", r -> r.get(articles + draft()), 404, 200, 200),
        manage(
            "replaceArticle",
            r -> {
              String id = draft();
              return r.contentType(ContentType.JSON)
                  .header("If-Match", etag(id))
                  .body(Api.article(category, "Edited"))
                  .put(articles + id);
            },
            404,
            200,
            200),
        manage(
            "patchArticle",
            r -> {
              String id = draft();
              return r.contentType("application/merge-patch+json")
                  .header("If-Match", etag(id))
                  .body("{\"subtitle\":\"Patched\"}")
                  .patch(articles + id);
            },
            404,
            200,
            200),
        manage(
            "upsertByExternalId",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Api.article(category, "From the wire"))
                    .put("/api/v1/manage/external-articles/" + Api.unique("wire")),
            403,
            201,
            201),
        manage(
            "publishArticle",
            r -> r.contentType(ContentType.JSON).post(articles + draft() + "/publish"),
            403,
            200,
            200),
        manage("unpublishArticle", r -> r.post(articles + draft() + "/unpublish"), 403, 200, 200),
        manage("archiveArticle", r -> r.delete(articles + draft()), 403, 204, 204),
        manage("getTeaser", r -> r.get(articles + draft() + "/teaser"), 404, 200, 200),
        manage(
            "overrideTeaser",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("title", "Teaser title"))
                    .put(articles + draft() + "/teaser"),
            403,
            200,
            200),
        manage(
            "createPreviewToken",
            r -> r.post(articles + draft() + "/preview-token"),
            404,
            201,
            201),
        manage("listRevisions", r -> r.get(articles + draft() + "/revisions"), 404, 200, 200),
        manage("getRevision", r -> r.get(articles + draft() + "/revisions/1"), 404, 200, 200),
        manage(
            "restoreRevision",
            r -> {
              String id = draft();
              return r.header("If-Match", etag(id)).post(articles + id + "/revisions/1/restore");
            },
            404,
            200,
            200),
        manage(
            "importArticles",
            r ->
                r.contentType("application/x-ndjson")
                    .body(
                        ("{\"externalId\":\""
                                + Api.unique("import")
                                + "\",\"title\":\"Imported\",\"category\":\""
                                + category
                                + "\"}\n")
                            .getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/manage/import"),
            403,
            200,
            200),
        // Categories: editors.
        manage(
            "createCategory",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", Api.unique("Inventory section")))
                    .post("/api/v1/manage/categories"),
            403,
            201,
            201),
        manage(
            "describeTag",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", "Named"))
                    .put("/api/v1/manage/tags/" + Api.unique("tag")),
            403,
            200,
            200),
        manage(
            "getManagedCollection",
            r -> r.get("/api/v1/manage/collections/" + collection),
            403,
            200,
            200),
        manage(
            "putCollection",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", "Another page"))
                    .put("/api/v1/manage/collections/" + Api.unique("page")),
            403,
            201,
            201),
        manage(
            "deleteCollection",
            r -> r.delete("/api/v1/manage/collections/" + newCollection()),
            403,
            204,
            204),
        manage(
            "createAuthor",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("slug", Api.unique("writer"), "name", "New Writer"))
                    .post("/api/v1/manage/authors"),
            403,
            201,
            201),
        manage("getManagedAuthor", r -> r.get("/api/v1/manage/authors/" + author), 403, 200, 200),
        manage(
            "replaceAuthor",
            r ->
                r.contentType(ContentType.JSON)
                    .header("If-Match", "*")
                    .body(Map.of("name", "Renamed Writer"))
                    .put("/api/v1/manage/authors/" + author),
            403,
            200,
            200),
        manage(
            "deleteAuthor", r -> r.delete("/api/v1/manage/authors/" + newAuthor()), 403, 204, 204),
        manage(
            "updateCategory",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", "Renamed"))
                    .put("/api/v1/manage/categories/" + Api.category()),
            403,
            200,
            200),
        manage(
            "deleteCategory",
            r -> r.delete("/api/v1/manage/categories/" + Api.category()),
            403,
            204,
            204),
        // Tokens, webhooks and the audit log: admins only.
        manage(
            "createToken",
            r ->
                r.contentType(ContentType.JSON)
                    .body(Map.of("name", "x", "role", "editor"))
                    .post("/api/v1/manage/tokens"),
            403,
            403,
            201),
        manage("listTokens", r -> r.get("/api/v1/manage/tokens"), 403, 403, 200),
        manage("revokeToken", r -> r.delete("/api/v1/manage/tokens/" + tokenId()), 403, 403, 204),
        manage("listAudit", r -> r.get("/api/v1/manage/audit"), 403, 403, 200),
        // Media: contributors and editors upload and describe; admins delete.
        manage(
            "uploadAsset",
            r ->
                r.multiPart("file", "inventory.jpg", TestImages.jpeg(64, 48), "image/jpeg")
                    .post("/api/v1/manage/assets"),
            201,
            201,
            201),
        manage("listAssets", r -> r.get("/api/v1/manage/assets"), 200, 200, 200),
        manage("getAsset", r -> r.get("/api/v1/manage/assets/" + asset()), 200, 200, 200),
        manage(
            "patchAsset",
            r ->
                r.contentType("application/merge-patch+json")
                    .body(Map.of("alt", "Described"))
                    .patch("/api/v1/manage/assets/" + asset()),
            200,
            200,
            200),
        manage("deleteAsset", r -> r.delete("/api/v1/manage/assets/" + asset()), 403, 403, 204),
        open("getRendition", r -> r.get("/media/" + asset() + "/w64.jpg"), 200),
        manage(
            "createWebhook",
            r ->
                r.contentType(ContentType.JSON).body(webhookBody()).post("/api/v1/manage/webhooks"),
            403,
            403,
            201),
        manage("listWebhooks", r -> r.get("/api/v1/manage/webhooks"), 403, 403, 200),
        manage("getWebhook", r -> r.get("/api/v1/manage/webhooks/" + webhook()), 403, 403, 200),
        manage(
            "replaceWebhook",
            r ->
                r.contentType(ContentType.JSON)
                    .body(webhookBody())
                    .put("/api/v1/manage/webhooks/" + webhook()),
            403,
            403,
            200),
        manage(
            "deleteWebhook", r -> r.delete("/api/v1/manage/webhooks/" + webhook()), 403, 403, 204),
        manage(
            "listDeliveries",
            r -> r.get("/api/v1/manage/webhooks/" + webhook() + "/deliveries"),
            403,
            403,
            200),
        manage(
            "redeliver",
            r -> {
              String hook = webhook();
              Api.published(category, "Sets off a delivery");
              String delivery =
                  as(token("admin"))
                      .get("/api/v1/manage/webhooks/" + hook + "/deliveries")
                      .then()
                      .statusCode(200)
                      .extract()
                      .path("items[0].id");
              return r.post(
                  "/api/v1/manage/webhooks/" + hook + "/deliveries/" + delivery + "/redeliver");
            },
            403,
            403,
            202));
  }

  @Test
  void everyOperationInTheDocumentHasAnExpectationAndMeetsIt() {
    callersAndContent();
    JsonPath document = given().queryParam("format", "json").get("/q/openapi").jsonPath();
    Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
    TreeSet<String> documented = new TreeSet<>();
    paths
        .values()
        .forEach(ops -> ops.values().forEach(op -> documented.add((String) op.get("operationId"))));
    List<Expectation> table = expectations();
    TreeSet<String> expected =
        table.stream().map(Expectation::operationId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(documented, expected, "operations in /q/openapi vs the expectation table");

    List<Executable> checks = new ArrayList<>();
    for (Expectation expectation : table) {
      for (int i = 0; i < CALLERS.size(); i++) {
        String who = CALLERS.get(i);
        int status = expectation.statuses()[i];
        Response response = expectation.call().apply(caller(who));
        String what = expectation.operationId() + " as " + who;
        int actual = response.statusCode();
        String type = response.contentType();
        String challenge = response.header("WWW-Authenticate");
        checks.add(() -> assertEquals(status, actual, what));
        if (status >= 400) {
          checks.add(() -> assertEquals("application/problem+json", type, what + ": content type"));
        }
        if (status == 401) {
          checks.add(
              () -> assertEquals("Bearer realm=\"newsdesk\"", challenge, what + ": challenge"));
        }
      }
    }
    Api.deleteWebhooks();
    System.out.printf(
        "Route inventory: %d operations x %d callers = %d calls%n",
        table.size(), CALLERS.size(), table.size() * CALLERS.size());
    assertAll(checks);
  }
}
