package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The high-severity findings of the black-box attack, each as the attacker did it: cache poisoning
 * through Host, a category cycle made by two concurrent edits, bodies nested deep enough to
 * overflow the renderer, and contributors reading what is not theirs.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class AttackFindingsTest {

  private static final String EVIL = "evil.example";

  @Test
  void aHostHeaderNeverReachesTheCachedRedirectOrTheFeedsLinks() {
    String category = Api.category();
    String id = Api.published(category, Api.unique("Old headline"));
    String oldSlug = Api.slug(id);
    Api.replace(id, Api.with(Api.article(category, "New headline"), "slug", Api.unique("new")))
        .then()
        .statusCode(200);
    String newSlug = Api.slug(id);
    for (int i = 0; i < 3; i++) { // the first stores it in the cache, the next ones are hits
      given()
          .header("Host", EVIL)
          .redirects()
          .follow(false)
          .get("/api/v1/articles/" + oldSlug)
          .then()
          .statusCode(301)
          .header("Location", equalTo("/api/v1/articles/" + newSlug));
    }
    given()
        .redirects()
        .follow(false)
        .get("/api/v1/articles/" + oldSlug)
        .then()
        .header("Location", not(containsString(EVIL)));

    Api.published(category, Api.unique("Second"));
    for (int i = 0; i < 3; i++) {
      given()
          .header("Host", EVIL)
          .get("/api/v1/feed?limit=1&category=" + category)
          .then()
          .statusCode(200)
          .header("Link", startsWith("</api/v1/feed?"))
          .header("Link", not(containsString(EVIL)));
    }
    given()
        .get("/api/v1/feed?page=1&limit=1&category=" + category)
        .then()
        .header("Link", startsWith("</api/v1/feed?"));
  }

  @Test
  void createdResourcesAndPreviewLinksNameNoClientHost() {
    Response created =
        Api.create(token("editor"), Api.article(Api.category(), "Located"))
            .then()
            .statusCode(201)
            .extract()
            .response();
    String id = created.path("id");
    assertEquals("/api/v1/manage/articles/" + id, created.header("Location"));
    Response preview =
        as(token("editor"))
            .header("Host", EVIL)
            .post("/api/v1/manage/articles/" + id + "/preview-token");
    preview.then().statusCode(201);
    String url = preview.path("url");
    assertTrue(url.startsWith("http://localhost:8080/api/v1/preview/"), url);
    assertFalse(preview.header("Location").contains(EVIL));
  }

  @Test
  void twoConcurrentMovesCannotMakeACategoryCycle() throws Exception {
    for (int round = 0; round < 5; round++) {
      String p = Api.category();
      String q = Api.category();
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Integer> pUnderQ = pool.submit(move(p, q, start));
        Future<Integer> qUnderP = pool.submit(move(q, p, start));
        List<Integer> statuses = List.of(pUnderQ.get(), qUnderP.get());
        assertTrue(statuses.contains(200) && statuses.contains(400), "one move wins: " + statuses);
      } finally {
        pool.shutdown();
      }
      // the tree stays a tree: each can still be edited, and neither is the other's ancestor
      for (String slug : List.of(p, q)) {
        as(token("editor"))
            .contentType(ContentType.JSON)
            .body(Map.of("name", "Edited " + slug))
            .put("/api/v1/manage/categories/" + slug)
            .then()
            .statusCode(200);
      }
    }
  }

  private static Callable<Integer> move(String child, String parent, CyclicBarrier start) {
    return () -> {
      start.await();
      return as(token("editor"))
          .contentType(ContentType.JSON)
          .body(Map.of("name", "Moved " + child, "parent", parent))
          .put("/api/v1/manage/categories/" + child)
          .statusCode();
    };
  }

  @Test
  void aCategoryCannotBeMovedUnderItsOwnDescendant() {
    String top = Api.category();
    String middle = Api.unique("middle");
    Api.subcategory(middle, top).then().statusCode(201);
    String bottom = Api.unique("bottom");
    Api.subcategory(bottom, middle).then().statusCode(201);
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Top", "parent", bottom))
        .put("/api/v1/manage/categories/" + top)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("parent"));
  }

  @Test
  void deeplyNestedBodiesAre400sNamingBodyOnEveryWrite() {
    String category = Api.category();
    String deep = ">".repeat(3000) + " x";
    Api.create(token("editor"), Api.with(Api.article(category, "Deep"), "body", deep))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("body"));
    String id = Api.draft(category, "Shallow");
    Api.replace(id, Api.with(Api.article(category, "Shallow"), "body", "- ".repeat(3000) + "x"))
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
    String etag = as(token("editor")).get("/api/v1/manage/articles/" + id).header("ETag");
    as(token("editor"))
        .contentType("application/merge-patch+json")
        .header("If-Match", etag)
        .body(Map.of("body", "*".repeat(3000) + "x" + "*".repeat(3000)))
        .patch("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
  }

  @Test
  void aDeeplyNestedImportLineFailsAloneAndTheImportGoesOn() {
    String category = Api.category();
    List<String> lines = new ArrayList<>();
    String prefix = Api.unique("deep");
    lines.add(line(prefix + "-1", category, "Fine"));
    lines.add(line(prefix + "-2", category, ">".repeat(3000) + " x"));
    lines.add(line(prefix + "-3", category, "Also fine"));
    String report =
        as(token("editor"))
            .contentType("application/x-ndjson")
            .body(
                (String.join("\n", lines) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/v1/manage/import")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String[] results = report.strip().split("\n");
    assertEquals(3, results.length, report);
    assertTrue(results[0].contains("\"result\":\"created\""), report);
    assertTrue(results[1].contains("\"result\":\"failed\""), report);
    assertTrue(results[1].contains("\"status\":400"), report);
    assertTrue(results[1].contains("\"field\":\"body\""), report);
    assertTrue(results[2].contains("\"result\":\"created\""), report);
    assertFalse(Api.INSIDES.matcher(report).find(), report);
  }

  private static String line(String externalId, String category, String body) {
    return "{\"externalId\":\""
        + externalId
        + "\",\"title\":\"Line "
        + externalId
        + "\",\"category\":\""
        + category
        + "\",\"body\":\""
        + body
        + "\"}";
  }

  @Test
  void contributorsSeeAndPreviewTheirOwnArticlesOnly() {
    String category = Api.category();
    String mine = Api.newToken("contributor", Api.unique("mine"));
    String theirs = Api.newToken("contributor", Api.unique("theirs"));
    String myDraft =
        Api.create(mine, Api.article(category, "My draft")).then().extract().path("id");
    String theirDraft =
        Api.create(theirs, Api.article(category, "Their draft")).then().extract().path("id");
    String embargoed = Api.draft(category, "Embargoed by the desk");
    Api.publish(embargoed, Map.of("publishAt", "2099-01-01T06:00:00Z")).then().statusCode(200);

    as(mine).get("/api/v1/manage/articles/" + myDraft).then().statusCode(200);
    for (String other : List.of(theirDraft, embargoed)) {
      for (String path :
          List.of("", "/revisions", "/revisions/1", "/teaser")) { // reads answer as unknown ids
        as(mine)
            .get("/api/v1/manage/articles/" + other + path)
            .then()
            .statusCode(404)
            .contentType("application/problem+json");
      }
      as(mine).post("/api/v1/manage/articles/" + other + "/preview-token").then().statusCode(404);
    }
    List<String> listed =
        as(mine)
            .get("/api/v1/manage/articles?limit=100&category=" + category)
            .then()
            .statusCode(200)
            .body("page.totalItems", equalTo(1))
            .extract()
            .path("items.id");
    assertEquals(List.of(myDraft), listed);
    as(token("editor"))
        .get("/api/v1/manage/articles?limit=100&category=" + category)
        .then()
        .body("page.totalItems", equalTo(3));
  }

  @Test
  void aPreviewLinkDiesWithTheTokenThatMadeIt() {
    String name = Api.unique("leaver");
    String contributor = Api.newToken("contributor", name);
    String id =
        Api.create(contributor, Api.article(Api.category(), "Leaving draft"))
            .then()
            .extract()
            .path("id");
    String path =
        as(contributor)
            .post("/api/v1/manage/articles/" + id + "/preview-token")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    given().get(path).then().statusCode(200).body("id", equalTo(id));
    Api.revoke(name);
    given()
        .get(path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-preview-token"));
  }
}
