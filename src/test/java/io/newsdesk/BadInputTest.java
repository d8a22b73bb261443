package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * API.md's Errors section, case by case: the status, problem+json, the field, and nothing leaked.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

  private static ValidatableResponse problem(ValidatableResponse response, int status) {
    return response
        .statusCode(status)
        .contentType("application/problem+json")
        .body("status", equalTo(status))
        .body("title", org.hamcrest.Matchers.notNullValue())
        .body(not(containsString("Exception")))
        .body(not(containsString("io.newsdesk")))
        .body(not(containsString("at org.")));
  }

  private static ValidatableResponse postArticle(String json) {
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .body(json)
        .post("/api/v1/manage/articles")
        .then();
  }

  private static String validArticle(String category, String extraField) {
    return "{\"title\":\"Valid title\",\"category\":\"" + category + "\"" + extraField + "}";
  }

  @Test
  void anAcceptHeaderNoServedTypeMatchesIsA406TheDocumentNames() {
    // the response check fails any status the OpenAPI document does not list for the operation
    for (ValidatableResponse response :
        List.of(
            given().accept("text/html").get("/api/v1/feed").then(),
            as(token("editor")).accept("text/html").delete("/api/v1/manage/categories/none").then(),
            as(token("editor"))
                .accept("image/png")
                .post("/api/v1/manage/articles/" + java.util.UUID.randomUUID() + "/publish")
                .then())) {
      problem(response, 406)
          .body(
              "detail",
              equalTo("This resource is not served in any type the Accept header allows"));
    }
  }

  @Test
  void missingTitleNamesTheField() {
    problem(postArticle("{\"category\":\"" + Api.category() + "\"}"), 400)
        .body("type", equalTo("/problems/validation"))
        .body("instance", equalTo("/api/v1/manage/articles"))
        .body("errors.field", hasItem("title"));
  }

  @Test
  void blankTitleAndMissingCategoryAreBothReported() {
    problem(postArticle("{\"title\":\"  \"}"), 400)
        .body("errors.field", equalTo(List.of("category", "title")))
        .body("detail", equalTo("2 fields are not valid"));
  }

  @Test
  void unknownFieldIs400NamingIt() {
    problem(postArticle(validArticle(Api.category(), ",\"colour\":\"red\"")), 400)
        .body("errors[0].field", equalTo("colour"))
        .body("errors[0].message", equalTo("is not a known field"));
  }

  @Test
  void serverManagedFieldsAre400sNamingThem() {
    String category = Api.category();
    for (String field :
        List.of(
            "\"id\":\"3f1c0f0e-8c1b-4c1e-9d5e-2f7b3c4d5e6f\"",
            "\"status\":\"published\"",
            "\"version\":7",
            "\"publishedAt\":\"2026-01-01T00:00:00Z\"",
            "\"wordCount\":3",
            "\"createdAt\":\"2026-01-01T00:00:00Z\"")) {
      String name = field.substring(1, field.indexOf('"', 1));
      problem(postArticle(validArticle(category, "," + field)), 400)
          .body("errors[0].field", equalTo(name))
          .body("errors[0].message", equalTo("is set by the server and cannot be written"));
    }
  }

  @Test
  void malformedJsonIs400() {
    problem(postArticle("{\"title\": \"unterminated"), 400)
        .body("type", equalTo("/problems/malformed-json"));
    problem(postArticle("{,}"), 400).body("type", equalTo("/problems/malformed-json"));
  }

  @Test
  void wrongJsonTypesNameTheField() {
    String category = Api.category();
    problem(postArticle(validArticle(category, ",\"tags\":\"not-a-list\"")), 400)
        .body("errors[0].field", equalTo("tags"))
        .body("errors[0].message", equalTo("must be an array"));
    problem(postArticle(validArticle(category, ",\"image\":[1,2]")), 400)
        .body("errors[0].field", equalTo("image"));
    problem(postArticle(validArticle(category, ",\"bodyFormat\":\"rtf\"")), 400)
        .body("errors[0].field", equalTo("bodyFormat"))
        .body("errors[0].message", equalTo("must be one of markdown, html"));
    problem(postArticle("[1, 2, 3]"), 400).body("errors[0].field", equalTo("body"));
  }

  @Test
  void nulCharacterIsRefusedNamingTheField() {
    problem(postArticle(validArticle(Api.category(), ",\"subtitle\":\"bad\\u0000byte\"")), 400)
        .body("errors[0].field", equalTo("subtitle"))
        .body("errors[0].message", containsString("NUL"));
    problem(postArticle(validArticle(Api.category(), ",\"byline\":[\"ok\",\"b\\u0000d\"]")), 400)
        .body("errors[0].field", equalTo("byline[1]"));
  }

  @Test
  void overLongStringsAre400sNamingTheField() {
    String category = Api.category();
    problem(postArticle(validArticle(category, ",\"subtitle\":\"" + "x".repeat(1001) + "\"")), 400)
        .body("errors[0].field", equalTo("subtitle"));
    problem(
            postArticle(
                "{\"title\":\"" + "t".repeat(301) + "\",\"category\":\"" + category + "\"}"),
            400)
        .body("errors[0].field", equalTo("title"));
    problem(postArticle(validArticle(category, ",\"tags\":[\"" + "a".repeat(101) + "\"]")), 400)
        .body("errors[0].field", equalTo("tags[0]"));
  }

  @Test
  void nestedFieldsAreNamedByTheirJsonPath() {
    problem(
            postArticle(
                validArticle(Api.category(), ",\"image\":{\"url\":\"javascript:alert(1)\"}")),
            400)
        .body("errors[0].field", equalTo("image.url"));
    problem(
            postArticle(validArticle(Api.category(), ",\"seo\":{\"canonicalUrl\":\"ftp://x\"}")),
            400)
        .body("errors[0].field", equalTo("seo.canonicalUrl"));
  }

  @Test
  void invalidSlugsAndTagsAre400s() {
    String category = Api.category();
    problem(postArticle(validArticle(category, ",\"slug\":\"Not A Slug\"")), 400)
        .body("errors[0].field", equalTo("slug"));
    problem(postArticle(validArticle(category, ",\"tags\":[\"Two Words\"]")), 400)
        .body("errors[0].field", equalTo("tags[0]"));
  }

  @Test
  void unknownCategoryIs400OnTheCategoryField() {
    problem(postArticle(validArticle("no-such-category", "")), 400)
        .body("errors[0].field", equalTo("category"));
  }

  @Test
  void wrongContentTypeIs415() {
    problem(
        as(token("editor"))
            .contentType(ContentType.TEXT)
            .body("title=x")
            .post("/api/v1/manage/articles")
            .then(),
        415);
    problem(
        as(token("editor"))
            .contentType(ContentType.XML)
            .body("<a/>")
            .post("/api/v1/manage/categories")
            .then(),
        415);
  }

  @Test
  void emptyBodyIs400() {
    problem(
            as(token("editor"))
                .contentType(ContentType.JSON)
                .post("/api/v1/manage/articles")
                .then(),
            400)
        .body("errors[0].field", equalTo("body"));
  }

  @Test
  void malformedPathAndQueryParametersAre400sNot404s() {
    problem(as(token("editor")).get("/api/v1/manage/articles/not-a-uuid").then(), 400)
        .body("errors[0].field", equalTo("id"));
    problem(
            as(token("editor")).queryParam("status", "lost").get("/api/v1/manage/articles").then(),
            400)
        .body("errors[0].field", equalTo("status"))
        .body("errors[0].message", equalTo("must be one of draft, scheduled, published, archived"));
    problem(
            as(token("admin"))
                .queryParam("purge", "maybe")
                .delete("/api/v1/manage/articles/" + java.util.UUID.randomUUID())
                .then(),
            400)
        .body("errors[0].field", equalTo("purge"));
    problem(given().queryParam("page", "0").get("/api/v1/feed").then(), 400)
        .body("errors[0].field", equalTo("page"));
    problem(given().queryParam("page", "x").get("/api/v1/feed").then(), 400)
        .body("errors[0].field", equalTo("page"));
    problem(given().queryParam("category", "Bad Slug!").get("/api/v1/feed").then(), 400)
        .body("errors[0].field", equalTo("category"));
    problem(given().queryParam("category", "x".repeat(101)).get("/api/v1/feed").then(), 400)
        .body("errors[0].field", equalTo("category"));
    problem(given().get("/api/v1/articles/UPPER_case").then(), 400)
        .body("errors[0].field", equalTo("slug"));
    problem(
        given().queryParam("page", "1").queryParam("cursor", "abc").get("/api/v1/feed").then(),
        400);
    problem(
            as(token("editor"))
                .queryParam("q", "nul\u0000here")
                .get("/api/v1/manage/articles")
                .then(),
            400)
        .body("errors[0].field", equalTo("q"));
    as(token("editor"))
        .queryParam("q", "50% off_'; drop table article; --")
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(200);
  }

  @Test
  void unknownArticleIdIs404AndUnknownRouteIs404() {
    problem(
        as(token("editor")).get("/api/v1/manage/articles/" + java.util.UUID.randomUUID()).then(),
        404);
    problem(given().get("/api/v1/no-such-endpoint").then(), 404);
    problem(given().get("/api/v1/categories/no-such-category").then(), 404);
  }

  @Test
  void wrongMethodIs405() {
    problem(given().delete("/api/v1/feed").then(), 405);
  }

  @Test
  void categoryInUseCannotBeDeleted() {
    String category = Api.category();
    Api.draft(category, "Keeps the category busy");
    problem(as(token("editor")).delete("/api/v1/manage/categories/" + category).then(), 409)
        .body("detail", containsString("1 article"));
  }

  @Test
  void duplicateCategorySlugAndExternalIdAreConflicts() {
    String category = Api.category();
    problem(
            as(token("editor"))
                .contentType(ContentType.JSON)
                .body(Map.of("slug", category, "name", "Again"))
                .post("/api/v1/manage/categories")
                .then(),
            409)
        .body("errors[0].field", equalTo("slug"));
    String externalId = Api.unique("wire");
    postArticle(validArticle(category, ",\"externalId\":\"" + externalId + "\"")).statusCode(201);
    problem(postArticle(validArticle(category, ",\"externalId\":\"" + externalId + "\"")), 409)
        .body("errors[0].field", equalTo("externalId"));
  }

  @Test
  void publishWithABadInstantIs400() {
    String id = Api.draft(Api.category(), "Bad date");
    problem(Api.publish(id, Map.of("publishAt", "tomorrow morning")).then(), 400)
        .body("errors[0].field", equalTo("publishAt"));
  }

  @Test
  void categoryCannotBecomeItsOwnAncestor() {
    String parent = Api.category();
    String child = Api.unique("child");
    Api.subcategory(child, parent).then().statusCode(201);
    problem(
            as(token("editor"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Parent", "parent", child))
                .put("/api/v1/manage/categories/" + parent)
                .then(),
            400)
        .body("errors[0].field", equalTo("parent"));
  }

  @Test
  void bodyOverTheLimitIs413() {
    String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    problem(postArticle(huge), 413).body("type", equalTo("/problems/payload-too-large"));
  }

  private static ValidatableResponse postCategory(String json) {
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .body(json)
        .post("/api/v1/manage/categories")
        .then();
  }

  @Test
  void numbersAndStringsAreNotSilentlyCoerced() {
    problem(postCategory("{\"name\":\"Coerce\",\"position\":99999999999}"), 400)
        .body("errors[0].field", equalTo("position"))
        .body("errors[0].message", equalTo("is out of range"));
    problem(postCategory("{\"name\":\"Coerce\",\"position\":1.5}"), 400)
        .body("errors[0].field", equalTo("position"));
    problem(postCategory("{\"name\":\"Coerce\",\"position\":\"3\"}"), 400)
        .body("errors[0].field", equalTo("position"));
    problem(postCategory("{\"name\":5}"), 400)
        .body("errors[0].field", equalTo("name"))
        .body("errors[0].message", equalTo("must be a string"));
    problem(postCategory("{\"name\":\"a\",\"name\":\"b\"}"), 400)
        .body("type", equalTo("/problems/malformed-json"));
  }

  @Test
  void publishTimesMustBeIsoInstantsInARange() {
    String id = Api.draft(Api.category(), "Odd dates");
    problem(Api.publish(id, Map.of("publishAt", 12345)).then(), 400)
        .body("errors[0].field", equalTo("publishAt"));
    problem(Api.publish(id, Map.of("publishAt", "+999999999-12-31T23:59:59Z")).then(), 400)
        .body("errors[0].field", equalTo("publishAt"));
    Api.publish(id, Map.of("publishAt", "2026-01-02T09:00:00+01:00"))
        .then()
        .statusCode(200)
        .body("publishedAt", equalTo("2026-01-02T08:00:00Z"));
  }

  @Test
  void loneSurrogatesAreRefused() {
    problem(postCategory("{\"name\":\"broken \\ud800 text\"}"), 400)
        .body("errors[0].field", equalTo("name"));
  }
}
