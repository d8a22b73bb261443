package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Full-text search over published articles, with PostgreSQL's web search syntax. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SearchTest {

  /** A made-up word no other test uses, so each test sees only its own articles. */
  private static String word() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  private static String publish(String category, String title, String subtitle, String body) {
    Map<String, Object> input = Api.article(category, title);
    if (subtitle != null) {
      input.put("subtitle", subtitle);
    }
    input.put("body", body);
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    return id;
  }

  @Test
  void aTitleHitOutranksAStandfirstHitWhichOutranksABodyHit() {
    String category = Api.category();
    String w = word();
    String inBody = publish(category, "Rowing club news", null, "The crew trained with " + w + ".");
    String inTitle = publish(category, "The " + w + " returns", null, "Nothing else to say.");
    String inSubtitle = publish(category, "Weekend plans", "A " + w + " for everyone", "More.");
    given()
        .queryParam("q", w)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.id", contains(inTitle, inSubtitle, inBody))
        .body("page.totalItems", equalTo(3))
        .body("page.number", equalTo(1));
  }

  @Test
  void phrasesExclusionsAndOrWorkAsOnTheWeb() {
    String category = Api.category();
    String a = word();
    String b = word();
    String c = word();
    String both = publish(category, "Story one", null, a + " " + b + " appear together.");
    String apart = publish(category, "Story two", null, b + " and then, later, " + a + ".");
    String third = publish(category, "Story three", null, "Only " + c + " here.");

    given()
        .queryParam("q", "\"" + a + " " + b + "\"")
        .get("/api/v1/search")
        .then()
        .body("items.id", contains(both));
    given()
        .queryParam("q", a + " -" + b)
        .get("/api/v1/search")
        .then()
        .body("items.size()", equalTo(0));
    given()
        .queryParam("q", a + " or " + c)
        .queryParam("limit", 10)
        .get("/api/v1/search")
        .then()
        .body("page.totalItems", equalTo(3))
        .body("items.id", org.hamcrest.Matchers.hasItems(both, apart, third));
  }

  @Test
  void draftsScheduledAndUnpublishedArticlesAreNeverFound() {
    String category = Api.category();
    String w = word();
    Map<String, Object> draft = Api.article(category, "A draft");
    draft.put("body", "Secret " + w + " plans.");
    Api.create(Api.token("editor"), draft).then().statusCode(201);
    String scheduled = Api.draft(category, "Later " + w);
    Api.publish(scheduled, Map.of("publishAt", "2100-01-01T00:00:00Z")).then().statusCode(200);
    String withdrawn = publish(category, "Withdrawn " + w, null, "Gone.");
    Api.unpublish(withdrawn);

    given()
        .queryParam("q", w)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("page.totalItems", equalTo(0));
  }

  /** The vector follows every edit of the words: the database computes it as the row changes. */
  @Test
  void anEditedArticleIsFoundByItsNewWordsOnlyAndPublishingKeepsThem() {
    String category = Api.category();
    String before = word();
    String after = word();
    String title = word();
    String id = publish(category, "Ferry timetable", null, "The " + before + " sails at nine.");
    Map<String, Object> edited = Api.article(category, "Ferry timetable " + title);
    edited.put("body", "The " + after + " sails at ten.");
    Api.replace(id, edited).then().statusCode(200);
    Api.unpublish(id);
    Api.publish(id, null).then().statusCode(200);

    given().queryParam("q", before).get("/api/v1/search").then().body("items.size()", equalTo(0));
    given().queryParam("q", after).get("/api/v1/search").then().body("items.id", contains(id));
    given().queryParam("q", title).get("/api/v1/search").then().body("items.id", contains(id));
  }

  @Test
  void hitsCarryAnEscapedSnippetWithMarkedMatches() {
    String category = Api.category();
    String w = word();
    publish(category, "Snippets", null, "Prices rose 5 < 6 & more, the " + w + " was seen.");
    given()
        .queryParam("q", w)
        .get("/api/v1/search")
        .then()
        .body("items[0].snippet", containsString("<mark>" + w + "</mark>"))
        .body("items[0].snippet", containsString("5 &lt; 6 &amp; more"))
        .body("items[0].title", equalTo("Snippets"))
        .body("items[0].category.slug", equalTo(category));
  }

  @Test
  void aMatchDeepInALongBodyIsMarkedInASnippetOfWholeWords() {
    aMatchDeepInALongBodyIsMarked(word());
    // a stem that is not the start of its word: English stems "...ty" as "...ti"
    aMatchDeepInALongBodyIsMarked(word() + "ty");
  }

  @Test
  void aWordLongerThanTheCutAtThePassagesEndIsLeftOutWhole() {
    String w = word();
    // 100 letters from the 720th character of the searched text (standfirst, a line break, the
    // body): the passage's last 40 characters (760-799) are all inside it, so there is no space to
    // cut at there; the cut goes back to the space before it instead of keeping 80 of its letters
    String code = "Harbourferrytimetable".repeat(5).substring(0, 100);
    publish(
        Api.category(),
        "Long codes",
        "What the committee decided",
        "The "
            + w
            + " report opened the meeting. "
            + "The harbour committee met again and talked about the ferry timetable. ".repeat(9)
            + "Then the "
            + w
            + " "
            + code
            + " was read out, and the meeting closed at nine.");
    String snippet = firstSnippet(w);
    org.junit.jupiter.api.Assertions.assertTrue(
        snippet.indexOf("<mark>" + w + "</mark>") != snippet.lastIndexOf("<mark>" + w + "</mark>"),
        "both matches, the second next to the code: " + snippet);
    org.junit.jupiter.api.Assertions.assertFalse(
        snippet.contains(code.substring(0, 20)), "no piece of the long word: " + snippet);
  }

  private static String firstSnippet(String q) {
    return given()
        .queryParam("q", q)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .extract()
        .path("items[0].snippet");
  }

  private static void aMatchDeepInALongBodyIsMarked(String w) {
    String category = Api.category();
    String filler = "The harbour committee met again and talked about the ferry timetable. ";
    publish(
        category,
        "Long minutes",
        "What the committee decided",
        // the word's letters inside another word at the top are not the match
        "The un"
            + w
            + " report came first. "
            + filler.repeat(40)
            + "Late in the evening the "
            + w
            + "-7 motion was carried. "
            + filler);
    String snippet = firstSnippet(w + "-7");
    org.junit.jupiter.api.Assertions.assertTrue(
        snippet.contains("<mark>" + w + "</mark>"), "the match 3,000 characters in: " + snippet);
    java.util.Set<String> words =
        java.util.Set.copyOf(
            java.util.List.of(
                (filler + "Late in the evening the motion was carried")
                    .replace(".", "")
                    .split(" ")));
    for (String word : snippet.replaceAll("<[^>]+>|[.…·]|" + w + "|-7", " ").split("\\s+")) {
      org.junit.jupiter.api.Assertions.assertTrue(
          word.isEmpty() || words.contains(word), "\"" + word + "\" is a whole word: " + snippet);
    }
  }

  @Test
  void theCategoryFilterAndPagesNarrowTheHits() {
    String one = Api.category();
    String two = Api.category();
    String w = word();
    String inOne = publish(one, "First " + w, null, "Text.");
    publish(two, "Second " + w, null, "Text.");
    given()
        .queryParam("q", w)
        .queryParam("category", one)
        .get("/api/v1/search")
        .then()
        .body("items.id", contains(inOne));
    given()
        .queryParam("q", w)
        .queryParam("limit", 1)
        .queryParam("page", 3)
        .get("/api/v1/search")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0))
        .body("page.totalItems", equalTo(2))
        .body("page.totalPages", equalTo(2));
  }

  @Test
  void aMissingEmptyOrWordlessQueryIsA400() {
    for (String q : new String[] {null, "", "   ", "the", "!!! ???", "-"}) {
      var request = given();
      if (q != null) {
        request.queryParam("q", q);
      }
      request
          .get("/api/v1/search")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors[0].field", equalTo("q"));
    }
  }

  @Test
  void queryMetacharactersAreJustText() {
    for (String q :
        new String[] {
          "a & b | !c", "x:* <-> y", "'; drop table article; --", "\"unclosed", "(((", "\\"
        }) {
      int status = given().queryParam("q", q).get("/api/v1/search").then().extract().statusCode();
      org.junit.jupiter.api.Assertions.assertTrue(
          status == 200 || status == 400, q + " -> " + status);
    }
  }
}
