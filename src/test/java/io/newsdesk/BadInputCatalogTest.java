package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input from API.md's Errors section and beyond, one row each: the status, problem+json for an
 * error (naming the field where there is one), and never a stack trace or SQL in the body. Rows
 * that are odd but legal (SQL or tsquery metacharacters in a search) must answer normally. The
 * cases of BadInputTest check messages in detail; this table checks breadth.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class BadInputCatalogTest {

  /** One bad request: what to send and what must come back. */
  private record Row(
      String what,
      String method,
      String path,
      Supplier<RequestSpecification> who,
      String type,
      byte[] body,
      int status,
      String field) {}

  private static final List<Row> ROWS = new ArrayList<>();

  private static Supplier<RequestSpecification> anyone() {
    return () -> given().urlEncodingEnabled(false);
  }

  private static Supplier<RequestSpecification> editor() {
    return () -> as(token("editor")).urlEncodingEnabled(false);
  }

  private static Supplier<RequestSpecification> admin() {
    return () -> as(token("admin")).urlEncodingEnabled(false);
  }

  private static void get(String what, String path, int status, String field) {
    ROWS.add(new Row(what, "GET", path, anyone(), null, null, status, field));
  }

  private static void send(
      String what,
      Supplier<RequestSpecification> who,
      String method,
      String path,
      String type,
      String body,
      int status,
      String field) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    ROWS.add(new Row(what, method, path, who, type, bytes, status, field));
  }

  private static void sendBytes(
      String what, String path, String type, byte[] body, int status, String field) {
    ROWS.add(new Row(what, "POST", path, editor(), type, body, status, field));
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private static void rows(String category, String article) {
    String json = "application/json";
    String articles = "/api/v1/manage/articles";
    String valid = "{\"title\":\"Fine\",\"category\":\"" + category + "\"";
    // Delivery: paging, cursors, instants.
    get("limit 0", "/api/v1/feed?limit=0", 400, "limit");
    get("limit over the maximum", "/api/v1/feed?limit=101", 400, "limit");
    get("limit negative", "/api/v1/feed?limit=-1", 400, "limit");
    get("limit not a number", "/api/v1/feed?limit=ten", 400, "limit");
    get("limit past a long", "/api/v1/feed?limit=99999999999999999999999", 400, "limit");
    get("page 0", "/api/v1/feed?page=0", 400, "page");
    get("page not a number", "/api/v1/feed?page=%27%20OR%201%3D1", 400, "page");
    get("page past an int", "/api/v1/feed?page=2147483648", 400, "page");
    get("cursor garbage", "/api/v1/feed?cursor=not-a-cursor", 400, "cursor");
    get("cursor with a NUL", "/api/v1/feed?cursor=%00", 400, "cursor");
    get("cursor of invalid UTF-8", "/api/v1/feed?cursor=%C3%28", 400, "cursor");
    get("cursor over-long", "/api/v1/feed?cursor=" + "A".repeat(1000), 400, "cursor");
    get("before not an instant", "/api/v1/feed?before=yesterday", 400, "before");
    get("after impossible date", "/api/v1/feed?after=2026-13-45T00:00:00Z", 400, "after");
    get("after without a zone", "/api/v1/feed?after=2026-01-01T00:00:00", 400, "after");
    get(
        "category with SQL",
        "/api/v1/feed?category=x%27%3B%20drop%20table%20article%3B--",
        400,
        "category");
    get("category path traversal", "/api/v1/feed?category=..%2F..%2Fetc%2Fpasswd", 400, "category");
    get("tag with markup", "/api/v1/feed?tag=%3Cscript%3E", 400, "tag");
    get("categories limit 0", "/api/v1/categories?limit=0", 400, "limit");
    get("tag with a control character", "/api/v1/feed?tag=a%01b", 400, "tag");
    get("changes since garbage", "/api/v1/changes?since=%25%25%25", 400, "since");
    get("changes since forged", "/api/v1/changes?since=eyJ4IjoxfQ", 400, "since");
    get("changes limit over the maximum", "/api/v1/changes?limit=1000", 400, "limit");
    // Delivery: slugs.
    get("slug path traversal", "/api/v1/articles/..%2F..%2Fetc%2Fpasswd", 400, "slug");
    get("slug with SQL", "/api/v1/articles/x%27%20OR%20%271%27%3D%271", 400, "slug");
    get("slug with a NUL", "/api/v1/articles/a%00b", 400, "slug");
    get("slug of invalid UTF-8", "/api/v1/articles/%C3%28", 400, "slug");
    get("slug over-long", "/api/v1/articles/" + "a".repeat(3000), 400, "slug");
    get("slug well-formed but unknown", "/api/v1/articles/no-such-story-here", 404, null);
    get("category slug with SQL", "/api/v1/categories/x%27--", 400, "slug");
    get("tag slug with SQL", "/api/v1/tags/x%27--", 400, "slug");
    get("tag slug well-formed but unknown", "/api/v1/tags/no-such-tag-here", 404, null);
    get("tags limit 0", "/api/v1/tags?limit=0", 400, "limit");
    get("related limit over the maximum", "/api/v1/articles/x/related?limit=21", 400, "limit");
    get("related of a slug with SQL", "/api/v1/articles/x%27--/related", 400, "slug");
    get("related of an unknown slug", "/api/v1/articles/no-such-story-here/related", 404, null);
    get("tags page 0", "/api/v1/tags?page=0", 400, "page");
    get("author slug with SQL", "/api/v1/authors/x%27--", 400, "slug");
    get("author slug well-formed but unknown", "/api/v1/authors/no-such-writer-here", 404, null);
    get("authors limit over the maximum", "/api/v1/authors?limit=101", 400, "limit");
    get("feed author with SQL", "/api/v1/feed?author=x%27--", 400, "author");
    get("collection slug with SQL", "/api/v1/collections/x%27--", 400, "slug");
    get("sitemap of month 13", "/sitemap-2026-13.xml", 404, null);
    get("article fields unknown", "/api/v1/articles/x?fields=slug,password", 400, "fields");
    get("feed fields over-long", "/api/v1/feed?fields=" + "slug,".repeat(120), 400, "fields");
    get(
        "search fields of the article, not the hit",
        "/api/v1/search?q=x&fields=body",
        400,
        "fields");
    get("collection fields empty", "/api/v1/collections/front?fields=,", 400, "fields");
    get("sitemap page 0", "/sitemap-2026-11-p0.xml", 404, null);
    get("sitemap of a year with five digits", "/sitemap-20261-01.xml", 404, null);
    get("collection well-formed but unknown", "/api/v1/collections/no-such-page-here", 404, null);
    get("tags in an unknown order", "/api/v1/tags?order=random", 400, "order");
    get("unknown route", "/api/v1/nothing-here", 404, null);
    // Search: missing, over-long and odd queries.
    get("search without q", "/api/v1/search", 400, "q");
    get("search with an empty q", "/api/v1/search?q=", 400, "q");
    get("search q over-long", "/api/v1/search?q=" + "word+".repeat(200), 400, "q");
    get("search q with a NUL", "/api/v1/search?q=a%00b", 400, "q");
    get("search limit over the maximum", "/api/v1/search?q=council&limit=500", 400, "limit");
    get("search q of SQL", "/api/v1/search?q=%27%3B%20drop%20table%20article%3B%20--", 200, null);
    get(
        "search q of tsquery operators around a word",
        "/api/v1/search?q=%26%20%7C%20!%20(council)%20%3A*%20%3C-%3E",
        200,
        null);
    get(
        "search q of tsquery operators only",
        "/api/v1/search?q=%26%20%7C%20!%20(%20)%20%3A*",
        400,
        "q");
    get("search q of backslashes and quotes", "/api/v1/search?q=%5C%5C%22council%27%60", 200, null);
    get("search category unknown", "/api/v1/search?q=council&category=%27", 400, "category");
    // Syndication and previews.
    get("feed category with SQL", "/feeds/rss.xml?category=%27%20or%201%3D1", 400, "category");
    get("preview token garbage", "/api/v1/preview/garbage", 401, null);
    get("preview token forged", "/api/v1/preview/eyJpZCI6IngifQ.AAAA", 401, null);
    // Management: media types, framing and size.
    send("text/plain body", editor(), "POST", articles, "text/plain", valid + "}", 415, null);
    send("XML body", editor(), "POST", articles, "application/xml", "<article/>", 415, null);
    send("CSV body", editor(), "POST", articles, "text/csv", "title,category\nx,y", 415, null);
    send("empty JSON body", editor(), "POST", articles, json, "", 400, null);
    send("JSON null", editor(), "POST", articles, json, "null", 400, null);
    send("trailing garbage", editor(), "POST", articles, json, valid + "} x", 400, null);
    send("truncated JSON", editor(), "POST", articles, json, valid, 400, null);
    send(
        "deeply nested JSON",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"tags\":" + nested(5000) + "}",
        400,
        null);
    send(
        "duplicate keys",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"title\":\"Again\"}",
        400,
        null);
    sendBytes(
        "invalid UTF-8",
        articles,
        json,
        new byte[] {
          '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
        },
        400,
        null);
    sendBytes(
        "2 MiB body",
        articles,
        json,
        (valid + ",\"body\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}")
            .getBytes(StandardCharsets.UTF_8),
        413,
        null);
    // Management: wrong types and sizes, field by field.
    send(
        "title a number",
        editor(),
        "POST",
        articles,
        json,
        "{\"title\":42,\"category\":\"" + category + "\"}",
        400,
        "title");
    send(
        "title an object",
        editor(),
        "POST",
        articles,
        json,
        "{\"title\":{},\"category\":\"" + category + "\"}",
        400,
        "title");
    send(
        "title null",
        editor(),
        "POST",
        articles,
        json,
        "{\"title\":null,\"category\":\"" + category + "\"}",
        400,
        "title");
    send(
        "tags nested",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"tags\":[[\"a\"]]}",
        400,
        "tags[0]");
    send(
        "too many tags",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"tags\":[" + "\"t\",".repeat(200) + "\"t\"]}",
        400,
        "tags");
    send(
        "too many bylines",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"byline\":[" + "\"b\",".repeat(200) + "\"b\"]}",
        400,
        "byline");
    send(
        "body NUL",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"body\":\"a\\u0000b\"}",
        400,
        "body");
    send(
        "slug path traversal",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"slug\":\"../../etc\"}",
        400,
        "slug");
    send(
        "unknown category",
        editor(),
        "POST",
        articles,
        json,
        "{\"title\":\"x\",\"category\":\"no-such-section\"}",
        400,
        "category");
    send(
        "image url javascript",
        editor(),
        "POST",
        articles,
        json,
        valid + ",\"image\":{\"url\":\"javascript:alert(1)\"}}",
        400,
        "image.url");
    send(
        "publishAt not an instant",
        editor(),
        "POST",
        articles + "/" + article + "/publish",
        json,
        "{\"publishAt\":\"soon\"}",
        400,
        "publishAt");
    send(
        "publishAt year 999999999",
        editor(),
        "POST",
        articles + "/" + article + "/publish",
        json,
        "{\"publishAt\":\"+999999999-01-01T00:00:00Z\"}",
        400,
        "publishAt");
    send(
        "publish body an array",
        editor(),
        "POST",
        articles + "/" + article + "/publish",
        json,
        "[]",
        400,
        null);
    send("article id not a UUID", editor(), "GET", articles + "/not-a-uuid", null, null, 400, "id");
    send(
        "article id unknown",
        editor(),
        "GET",
        articles + "/00000000-0000-0000-0000-000000000000",
        null,
        null,
        404,
        null);
    send(
        "PUT without If-Match",
        editor(),
        "PUT",
        articles + "/" + article,
        json,
        valid + "}",
        428,
        null);
    send(
        "PUT with a garbage If-Match",
        editor(),
        "PUT",
        articles + "/" + article,
        json,
        valid + "}",
        412,
        null);
    send(
        "PATCH as application/json",
        editor(),
        "PATCH",
        articles + "/" + article,
        json,
        "{\"title\":\"x\"}",
        415,
        null);
    send(
        "list status unknown",
        editor(),
        "GET",
        articles + "?status=secret",
        null,
        null,
        400,
        "status");
    send(
        "revision number 0",
        editor(),
        "GET",
        articles + "/" + article + "/revisions/0",
        null,
        null,
        400,
        "number");
    send(
        "Idempotency-Key over-long",
        editor(),
        "POST",
        articles,
        json,
        valid + "}",
        400,
        "Idempotency-Key");
    send(
        "category position a string",
        editor(),
        "POST",
        "/api/v1/manage/categories",
        json,
        "{\"name\":\"Pos\",\"position\":\"first\"}",
        400,
        "position");
    send(
        "category position huge",
        editor(),
        "POST",
        "/api/v1/manage/categories",
        json,
        "{\"name\":\"Pos\",\"position\":1e400}",
        400,
        "position");
    send(
        "collection without a name",
        editor(),
        "PUT",
        "/api/v1/manage/collections/catalogue-page",
        json,
        "{\"items\":[]}",
        400,
        "name");
    send(
        "collection of 101 places",
        editor(),
        "PUT",
        "/api/v1/manage/collections/catalogue-page",
        json,
        "{\"name\":\"P\",\"size\":101}",
        400,
        "size");
    send(
        "collection item that is not an id",
        editor(),
        "PUT",
        "/api/v1/manage/collections/catalogue-page",
        json,
        "{\"name\":\"P\",\"items\":[{\"article\":\"x\"}]}",
        400,
        "items[0].article");
    send(
        "collection until that is not an instant",
        editor(),
        "PUT",
        "/api/v1/manage/collections/catalogue-page",
        json,
        "{\"name\":\"P\",\"items\":[{\"article\":\""
            + java.util.UUID.randomUUID()
            + "\",\"until\":\"soon\"}]}",
        400,
        "items[0].until");
    send(
        "author without a name",
        editor(),
        "POST",
        "/api/v1/manage/authors",
        json,
        "{\"slug\":\"nameless\"}",
        400,
        "name");
    send(
        "author link to javascript:",
        editor(),
        "POST",
        "/api/v1/manage/authors",
        json,
        "{\"slug\":\"linked\",\"name\":\"L\",\"links\":[{\"label\":\"x\",\"url\":\"javascript:alert(1)\"}]}",
        400,
        "links[0].url");
    send(
        "author email not an address",
        editor(),
        "POST",
        "/api/v1/manage/authors",
        json,
        "{\"slug\":\"mailer\",\"name\":\"M\",\"email\":\"not an address\"}",
        400,
        "email");
    send(
        "author slug not a slug",
        editor(),
        "POST",
        "/api/v1/manage/authors",
        json,
        "{\"slug\":\"Not A Slug\",\"name\":\"N\"}",
        400,
        "slug");
    send(
        "author with an unknown field",
        editor(),
        "POST",
        "/api/v1/manage/authors",
        json,
        "{\"slug\":\"extra\",\"name\":\"E\",\"version\":3}",
        400,
        "version");
    send(
        "tag without a name",
        editor(),
        "PUT",
        "/api/v1/manage/tags/" + category,
        json,
        "{\"description\":\"No name\"}",
        400,
        "name");
    send(
        "tag name over-long",
        editor(),
        "PUT",
        "/api/v1/manage/tags/" + category,
        json,
        "{\"name\":\"" + "n".repeat(101) + "\"}",
        400,
        "name");
    send(
        "category parent itself",
        editor(),
        "PUT",
        "/api/v1/manage/categories/" + category,
        json,
        "{\"name\":\"Loop\",\"parent\":\"" + category + "\"}",
        400,
        "parent");
    send(
        "token role unknown",
        admin(),
        "POST",
        "/api/v1/manage/tokens",
        json,
        "{\"name\":\"x\",\"role\":\"root\"}",
        400,
        "role");
    send(
        "webhook file URL",
        admin(),
        "POST",
        "/api/v1/manage/webhooks",
        json,
        "{\"url\":\"file:///etc/passwd\",\"events\":[\"article.published\"],\"secret\":\"a-long-enough-shared-secret\"}",
        400,
        "url");
    send(
        "webhook event unknown",
        admin(),
        "POST",
        "/api/v1/manage/webhooks",
        json,
        "{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"article.exploded\"],\"secret\":\"a-long-enough-shared-secret\"}",
        400,
        "events[0]");
    send(
        "webhook secret short",
        admin(),
        "POST",
        "/api/v1/manage/webhooks",
        json,
        "{\"url\":\"http://127.0.0.1:9/\",\"events\":[\"article.published\"],\"secret\":\"short\"}",
        400,
        "secret");
    send(
        "audit entity type unknown",
        admin(),
        "GET",
        "/api/v1/manage/audit?entityType=%27%3B--",
        null,
        null,
        400,
        "entityType");
    send(
        "audit actor with a NUL",
        admin(),
        "GET",
        "/api/v1/manage/audit?actor=%00",
        null,
        null,
        400,
        "actor");
    send("article list q with a NUL", editor(), "GET", articles + "?q=a%00", null, null, 400, "q");
    send("DELETE on the feed", anyone(), "DELETE", "/api/v1/feed", null, null, 405, null);
    send(
        "Authorization of 10 KB",
        () -> as("x".repeat(10_000)),
        "GET",
        articles,
        null,
        null,
        401,
        null);
  }

  @Test
  void everyBadInputGetsItsStatusAndAProblemWithoutInsides() {
    String category = Api.category();
    String article = Api.draft(category, "Target of bad input");
    ROWS.clear();
    rows(category, article);
    List<Executable> checks = new ArrayList<>();
    for (Row row : ROWS) {
      RequestSpecification request = row.who().get();
      if (row.type() != null) {
        request.contentType(row.type());
      }
      if (row.body() != null) {
        request.body(row.body());
      }
      if (row.what().contains("garbage If-Match")) {
        request.header("If-Match", "\"not-a-version\"");
      }
      if (row.what().contains("Idempotency-Key")) {
        request.header("Idempotency-Key", "k".repeat(1000));
      }
      Response response = request.request(row.method(), row.path());
      int status = response.statusCode();
      String type = String.valueOf(response.contentType());
      String body = response.asString();
      String what = row.what() + " (" + row.method() + " " + abbreviate(row.path()) + ")";
      checks.add(() -> assertEquals(row.status(), status, what + ": " + abbreviate(body)));
      checks.add(
          () -> assertFalse(Api.INSIDES.matcher(body).find(), what + " shows " + abbreviate(body)));
      if (row.status() >= 400) {
        checks.add(
            () -> assertTrue(type.startsWith("application/problem+json"), what + ": " + type));
      }
      if (row.field() != null) {
        String named = response.jsonPath().getString("errors[0].field");
        checks.add(() -> assertEquals(row.field(), named, what + ": the field"));
      }
    }
    System.out.printf("Bad input catalogue: %d requests%n", ROWS.size());
    assertTrue(ROWS.size() >= 50);
    assertAll(checks);
  }

  private static String abbreviate(String text) {
    return text.length() > 160 ? text.substring(0, 160) + "…" : text;
  }
}
