package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authors' profiles, and articles, cards and feeds that credit them. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class AuthorTest {

  private static Map<String, Object> profile(String slug, String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", slug);
    body.put("name", name);
    body.put("jobTitle", "Harbour correspondent");
    body.put("bio", "Covers the **harbour**.<script>alert(1)</script>");
    body.put("links", List.of(Map.of("label", "Site", "url", "https://writer.example/")));
    body.put("email", slug + "@news.example");
    return body;
  }

  private static Response createAuthor(Map<String, Object> body) {
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/manage/authors");
  }

  /** A new author with a unique slug; returns the slug. */
  static String author(String name) {
    String slug = Api.unique("writer");
    createAuthor(profile(slug, name)).then().statusCode(201);
    return slug;
  }

  private static String credited(String category, String title, List<String> authors) {
    Map<String, Object> body = Api.article(category, title);
    body.put("authors", authors);
    body.put("tags", List.of("harbour"));
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    return id;
  }

  private static Response replaceAuthor(String slug, Map<String, Object> body) {
    String etag = as(token("editor")).get("/api/v1/manage/authors/" + slug).header("ETag");
    return as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(body)
        .put("/api/v1/manage/authors/" + slug);
  }

  @Test
  void readersGetTheProfileWithoutTheEmailAndWithASanitizedBio() {
    String slug = Api.unique("writer");
    createAuthor(profile(slug, "Rui Costa"))
        .then()
        .statusCode(201)
        .header("Location", equalTo("/api/v1/manage/authors/" + slug))
        .header("ETag", "\"0\"")
        .body("email", equalTo(slug + "@news.example"))
        .body("bio.markdown", startsWith("Covers the **harbour**."));
    createAuthor(profile(slug, "Someone Else"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("slug"));
    Map<String, Object> noSlug = profile(slug, "No Slug");
    noSlug.remove("slug");
    createAuthor(noSlug).then().statusCode(400).body("errors[0].field", equalTo("slug"));

    given()
        .get("/api/v1/authors/" + slug)
        .then()
        .statusCode(200)
        .header("Surrogate-Key", containsString("author:" + slug))
        .body("name", equalTo("Rui Costa"))
        .body("jobTitle", equalTo("Harbour correspondent"))
        .body("bio.html", equalTo("<p>Covers the <strong>harbour</strong>.</p>"))
        .body("bio.markdown", nullValue())
        .body("links[0].url", equalTo("https://writer.example/"))
        .body("articleCount", equalTo(0))
        .body("$", not(org.hamcrest.Matchers.hasKey("email")))
        .body(not(containsString("news.example")));
    given().get("/api/v1/authors/no-such-writer").then().statusCode(404);
    given()
        .queryParam("limit", 100)
        .get("/api/v1/authors")
        .then()
        .statusCode(200)
        .body("page.totalItems", notNullValue())
        .body("items.slug", hasItem(slug))
        .body(not(containsString("@news.example")));
  }

  @Test
  void articlesCardsSearchAndTheFeedCreditAuthorsInOrder() {
    String category = Api.category();
    String first = author("Ana Lima");
    String second = author("Bea Ortiz");
    String title = "Lighthouse keepers " + Api.unique("vote");
    String id = credited(category, title, List.of(second, first));
    String slug = Api.slug(id);

    as(token("editor"))
        .get("/api/v1/manage/articles/" + id)
        .then()
        .body("authors", equalTo(List.of(second, first)));
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .header("Surrogate-Key", containsString("author:" + first))
        .body("authors.slug", equalTo(List.of(second, first)))
        .body("authors.name", equalTo(List.of("Bea Ortiz", "Ana Lima")))
        .body("tags[0].slug", equalTo("harbour"));
    given()
        .queryParam("author", first)
        .get("/api/v1/feed")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(id)))
        .body("items[0].authors.name", equalTo(List.of("Bea Ortiz", "Ana Lima")))
        .body("items[0].tags.slug", equalTo(List.of("harbour")));
    given()
        .queryParam("author", first)
        .queryParam("page", 1)
        .get("/api/v1/feed")
        .then()
        .body("page.totalItems", equalTo(1));
    given()
        .queryParam("q", title)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items[0].authors.slug", equalTo(List.of(second, first)));
    given().get("/api/v1/authors/" + first).then().body("articleCount", equalTo(1));
    given()
        .queryParam("category", category)
        .get("/feeds/feed.json")
        .then()
        .body("items[0].authors.name", equalTo(List.of("Bea Ortiz", "Ana Lima")))
        .body("items[0].tags", equalTo(List.of("harbour")));
  }

  @Test
  void anUnknownAuthorIsABadRequestNamingIt() {
    Map<String, Object> body = Api.article(Api.category(), "Nobody wrote this");
    body.put("authors", List.of(author("Real Person"), "nobody-at-all"));
    Api.create(token("editor"), body)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("authors[1]"));
  }

  @Test
  void aRenameShowsAtOnceOnArticlesAndCardsAndNeedsIfMatch() {
    String writer = author("Carla Dias");
    String category = Api.category();
    String id = credited(category, "Tide tables printed", List.of(writer));
    String slug = Api.slug(id);
    // cached now, so the rename must drop these entries
    for (int i = 0; i < 2; i++) {
      given().get("/api/v1/articles/" + slug).then().body("authors[0].name", equalTo("Carla Dias"));
      given()
          .queryParam("category", category)
          .get("/api/v1/feed")
          .then()
          .body("items[0].authors[0].name", equalTo("Carla Dias"));
    }
    Map<String, Object> renamed = profile(writer, "Carla Dias-Reis");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(renamed)
        .put("/api/v1/manage/authors/" + writer)
        .then()
        .statusCode(428);
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", "\"99\"")
        .body(renamed)
        .put("/api/v1/manage/authors/" + writer)
        .then()
        .statusCode(412);
    replaceAuthor(writer, renamed).then().statusCode(200).header("ETag", "\"1\"");

    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("authors[0].name", equalTo("Carla Dias-Reis"));
    assertTrue(
        Api.allChanges().stream()
            .anyMatch(c -> c.get("type").equals("updated") && c.get("id").equals(id)),
        "the change feed tells clients the article reads differently");
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items[0].authors[0].name", equalTo("Carla Dias-Reis"));
    Map<String, Object> otherSlug = profile("someone-new", "Carla");
    replaceAuthor(writer, otherSlug)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }

  @Test
  void anAuthorCreditedOnAnyArticleCannotBeDeleted() {
    String writer = author("Dina Faro");
    String id = Api.draft(Api.category(), "Draft crediting Dina");
    Map<String, Object> body = Api.article(Api.category(), "Draft crediting Dina");
    body.put("authors", List.of(writer));
    Api.replace(id, body).then().statusCode(200);
    as(token("editor"))
        .delete("/api/v1/manage/authors/" + writer)
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("1 article"));
    body.put("authors", List.of());
    Api.replace(id, body).then().statusCode(200);
    as(token("editor")).delete("/api/v1/manage/authors/" + writer).then().statusCode(204);
    given().get("/api/v1/authors/" + writer).then().statusCode(404);
  }

  @Test
  void aTokenActingForAnAuthorCreditsThemByDefault() {
    String writer = author("Eva Gomes");
    String secret =
        as(Api.token("admin"))
            .contentType(ContentType.JSON)
            .body(Map.of("name", Api.unique("eva"), "role", "contributor", "author", writer))
            .post("/api/v1/manage/tokens")
            .then()
            .statusCode(201)
            .body("author", equalTo(writer))
            .extract()
            .path("token");
    String category = Api.category();
    Api.create(secret, Api.article(category, "Eva files from the quay"))
        .then()
        .statusCode(201)
        .body("authors", equalTo(List.of(writer)));
    Map<String, Object> none = Api.article(category, "Eva files unsigned");
    none.put("authors", List.of());
    Api.create(secret, none).then().statusCode(201).body("authors", equalTo(List.of()));
    // an import says what it says: run twice, the second run changes nothing
    String path = "/api/v1/manage/external-articles/" + Api.unique("wire");
    Map<String, Object> wire = Api.article(category, "Wire copy Eva imports");
    for (int run = 0; run < 2; run++) {
      Api.as(editorActingFor(writer))
          .contentType(ContentType.JSON)
          .body(wire)
          .put(path)
          .then()
          .statusCode(run == 0 ? 201 : 200)
          .body("authors", equalTo(List.of()))
          .body("version", equalTo(0));
    }
    as(Api.token("admin"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "ghost", "role", "contributor", "author", "no-such-writer"))
        .post("/api/v1/manage/tokens")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("author"));
  }

  private static String editorActingFor(String author) {
    return as(Api.token("admin"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", Api.unique("desk"), "role", "editor", "author", author))
        .post("/api/v1/manage/tokens")
        .then()
        .statusCode(201)
        .extract()
        .path("token");
  }

  @Test
  void avatarsAreImagesOnTheProfileAndOnCards() {
    String asset =
        as(token("editor"))
            .multiPart("file", "face.jpg", TestImages.jpeg(800, 800), "image/jpeg")
            .multiPart("alt", "Portrait of Filipa")
            .post("/api/v1/manage/assets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String slug = Api.unique("writer");
    Map<String, Object> body = profile(slug, "Filipa Neves");
    body.put("avatar", Map.of("asset", asset));
    createAuthor(body).then().statusCode(201).body("avatar.asset", equalTo(asset));
    given()
        .get("/api/v1/authors/" + slug)
        .then()
        .body("avatar.url", containsString(asset))
        .body("avatar.alt", equalTo("Portrait of Filipa"))
        .body("avatar.sources.size()", org.hamcrest.Matchers.greaterThan(0));
    String category = Api.category();
    credited(category, "Filipa on the ferry strike", List.of(slug));
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items[0].authors[0].avatar.url", containsString(asset));
    as(token("admin")).delete("/api/v1/manage/assets/" + asset).then().statusCode(409);
    Map<String, Object> missing = profile(Api.unique("writer"), "No Face");
    missing.put("avatar", Map.of("asset", java.util.UUID.randomUUID().toString()));
    createAuthor(missing).then().statusCode(400).body("errors[0].field", startsWith("avatar"));
  }
}
