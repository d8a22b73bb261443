package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every delivery GET is cacheable by browsers and CDNs; management responses never are. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class HttpCachingTest {

  private static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

  @Test
  void everyDeliveryListAndDocumentAnswers304ToItsOwnETag() {
    String category = Api.category();
    String word = "etagword" + Api.unique("x").substring(2).replace("-", "");
    String id = Api.draft(category, "Lighthouse keepers return " + word);
    Api.publish(id, null).then().statusCode(200);
    String slug = Api.slug(id);
    for (String path :
        List.of(
            // Scoped to this test's own content, so nothing else can change them meanwhile
            "/api/v1/articles/" + slug,
            "/api/v1/feed?category=" + category,
            "/api/v1/feed?page=1&category=" + category,
            "/api/v1/categories",
            "/api/v1/categories/" + category,
            "/api/v1/search?q=" + word,
            "/api/v1/changes?limit=1",
            "/feeds/rss.xml?category=" + category,
            "/feeds/atom.xml?category=" + category,
            "/feeds/feed.json?category=" + category)) {
      for (int round = 0; round < 2; round++) { // the first round fills the cache, the second hits
        Response first = given().get(path);
        first
            .then()
            .statusCode(200)
            .header("Cache-Control", CACHE_CONTROL)
            .header("Surrogate-Key", not(emptyString()));
        String etag = first.header("ETag");
        assertEquals('"', etag.charAt(0), path + " has a strong ETag: " + etag);
        given()
            .header("If-None-Match", etag)
            .get(path)
            .then()
            .statusCode(304)
            .header("ETag", etag)
            .body(emptyString());
        given().header("If-None-Match", "W/" + etag).get(path).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
      }
    }
  }

  @Test
  void articlesAnswerIfModifiedSinceAndNameWhatTheyWereBuiltFrom() {
    String category = Api.category();
    String id = Api.published(category, "Night ferry timetable changes");
    String path = "/api/v1/articles/" + Api.slug(id);
    Response article = given().get(path);
    String lastModified = article.header("Last-Modified");
    ZonedDateTime modified =
        ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
    article
        .then()
        .header("Surrogate-Key", containsString("article:" + id))
        .header("Surrogate-Key", containsString("category:" + category));
    given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
    String earlier =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            modified.minusSeconds(1).withZoneSameInstant(ZoneOffset.UTC));
    given().header("If-Modified-Since", earlier).get(path).then().statusCode(200);
    given().header("If-Modified-Since", "yesterday-ish").get(path).then().statusCode(200);
    // If-None-Match decides when both are sent
    given()
        .header("If-Modified-Since", lastModified)
        .header("If-None-Match", "\"other\"")
        .get(path)
        .then()
        .statusCode(200);
  }

  @Test
  void aPublishChangesTheETagOfEveryListItJoinsAndOfNothingElse() {
    String category = Api.category();
    String other = Api.category();
    String word = "publishword" + Api.unique("x").substring(2).replace("-", "");
    String bystander = Api.published(other, "A bystander story");
    Map<String, Object> body = Api.article(category, "Harbour cranes " + word);
    String id = Api.create(Api.token("editor"), body).then().statusCode(201).extract().path("id");

    List<String> touched =
        List.of(
            "/api/v1/feed",
            "/api/v1/feed?category=" + category,
            "/api/v1/search?q=" + word,
            "/feeds/rss.xml",
            "/feeds/atom.xml",
            "/feeds/feed.json?category=" + category);
    List<String> untouched =
        List.of(
            "/api/v1/feed?category=" + other,
            "/api/v1/categories",
            "/api/v1/categories/" + category,
            "/api/v1/articles/" + Api.slug(bystander),
            "/feeds/rss.xml?category=" + other);
    Map<String, String> before = etags(touched, untouched);
    Api.publish(id, null).then().statusCode(200);
    Map<String, String> after = etags(touched, untouched);
    for (String path : touched) {
      assertNotEquals(before.get(path), after.get(path), path + " changed");
    }
    for (String path : untouched) {
      assertEquals(before.get(path), after.get(path), path + " did not change");
    }
  }

  private static Map<String, String> etags(List<String> touched, List<String> untouched) {
    Map<String, String> etags = new LinkedHashMap<>();
    for (List<String> paths : List.of(touched, untouched)) {
      for (String path : paths) {
        etags.put(path, given().get(path).then().extract().header("ETag"));
      }
    }
    return etags;
  }

  @Test
  void managementResponsesAreNeverStored() {
    Api.as(Api.token("editor"))
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("Vary", containsString("Authorization"));
    given()
        .get("/api/v1/manage/articles")
        .then()
        .statusCode(401)
        .header("Cache-Control", "no-store");
  }

  @Test
  void deliveryErrorsAreNeverStored() {
    given()
        .get("/api/v1/articles/" + Api.unique("never"))
        .then()
        .statusCode(404)
        .header("Cache-Control", "no-store");
    given().get("/api/v1/feed?limit=0").then().statusCode(400).header("Cache-Control", "no-store");
  }

  @Test
  void browsersMayReadTheDeliveryApiFromAnyOrigin() {
    given()
        .header("Origin", "https://reader.example")
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Expose-Headers", containsString("ETag"));
    given()
        .header("Origin", "https://reader.example")
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "if-none-match")
        .options("/feeds/feed.json")
        .then()
        .statusCode(204)
        .header("Access-Control-Allow-Origin", "*")
        .header("Access-Control-Allow-Methods", containsString("GET"))
        .header("Access-Control-Allow-Headers", containsString("If-None-Match"));
  }

  @Test
  void browsersMayNotCallTheManagementApiUnlessConfigured() {
    given()
        .header("Origin", "https://reader.example")
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "authorization, content-type")
        .options("/api/v1/manage/articles")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue());
    Api.as(Api.token("editor"))
        .header("Origin", "https://reader.example")
        .get("/api/v1/manage/articles")
        .then()
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    String etag = given().get("/api/v1/categories").header("ETag");
    given()
        .head("/api/v1/categories")
        .then()
        .statusCode(200)
        .header("ETag", equalTo(etag))
        .body(emptyString());
  }
}
