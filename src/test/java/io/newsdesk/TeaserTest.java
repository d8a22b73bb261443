package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TeaserTest {

  private static Map<String, Object> feedItem(String category) {
    return given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .extract()
        .path("items[0]");
  }

  @Test
  void excerptComesFromTheBodyWhenThereIsNoStandfirstAndIsCutAtAWord() {
    String category = Api.category();
    Map<String, Object> input = Api.article(category, "Long read");
    input.put("body", "# Title line\n\n" + "The tide came in slowly over the flats. ".repeat(12));
    String id = Api.create(token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    String excerpt = (String) feedItem(category).get("excerpt");
    // the heading is not prose: the excerpt starts with the first paragraph
    assertTrue(excerpt.startsWith("The tide came in slowly"), excerpt);
    assertTrue(excerpt.endsWith("…"), excerpt);
    assertTrue(excerpt.codePointCount(0, excerpt.length()) <= 200, excerpt);
    assertTrue(!excerpt.endsWith(" …"), excerpt);
  }

  @Test
  void cardsCarryTheReadingTimeInTheFeedAndInSearch() {
    String category = Api.category();
    String word = "rt" + Api.unique("x").substring(2).replace("-", "");
    Map<String, Object> input = Api.article(category, "A long evening read on " + word);
    input.put(
        "body", "The tide turned late that evening and the boats came in slowly. ".repeat(60));
    String id = Api.create(token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    int minutes =
        given().get("/api/v1/articles/" + Api.slug(id)).then().extract().path("readingTimeMinutes");
    assertTrue(minutes >= 3, minutes + " minutes for 720 words");
    given()
        .get("/api/v1/feed?category=" + category)
        .then()
        .body("items[0].readingTimeMinutes", equalTo(minutes));
    given()
        .get("/api/v1/search?q=" + word)
        .then()
        .body("items[0].readingTimeMinutes", equalTo(minutes));
    // an edit that doubles the text updates the card
    input.put("body", input.get("body").toString().repeat(2));
    Api.replace(id, input).then().statusCode(200);
    int longer =
        given()
            .get("/api/v1/feed?category=" + category)
            .then()
            .extract()
            .path("items[0].readingTimeMinutes");
    assertTrue(longer > minutes, longer + " after " + minutes);
  }

  @Test
  void overrideSurvivesLaterEditsAndClearingItRestoresTheArticlesOwn() {
    String category = Api.category();
    Map<String, Object> input = Api.article(category, "Original headline");
    input.put("subtitle", "Original standfirst");
    input.put("image", Map.of("url", "https://img.example/original.jpg", "alt", "Original"));
    String id = Api.create(token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);

    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "title",
                "Short card title",
                "image",
                Map.of("url", "/images/card.jpg", "alt", "Card")))
        .put("/api/v1/manage/articles/" + id + "/teaser")
        .then()
        .statusCode(200)
        .body("effective.title", equalTo("Short card title"))
        .body("effective.excerpt", equalTo("Original standfirst"))
        .body("override.title", equalTo("Short card title"))
        .body("override.excerpt", nullValue());

    String etag =
        as(token("editor")).get("/api/v1/manage/articles/" + id).then().extract().header("ETag");
    input.put("title", "Edited headline");
    input.put("subtitle", "Edited standfirst");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .header("If-Match", etag)
        .body(input)
        .put("/api/v1/manage/articles/" + id)
        .then()
        .statusCode(200);

    Map<String, Object> item = feedItem(category);
    org.junit.jupiter.api.Assertions.assertEquals("Short card title", item.get("title"));
    org.junit.jupiter.api.Assertions.assertEquals("Edited standfirst", item.get("excerpt"));
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items[0].image.url", equalTo("/images/card.jpg"));

    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of())
        .put("/api/v1/manage/articles/" + id + "/teaser")
        .then()
        .statusCode(200);
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items[0].title", equalTo("Edited headline"))
        .body("items[0].image.url", endsWith("original.jpg"));
  }
}
