package io.newsdesk;

import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Related stories: ranked by what they share, never the article itself, never unpublished. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class RelatedTest {

  private static String publish(String category, String title, List<String> tags) {
    Map<String, Object> body = Api.article(category, title);
    body.put("tags", tags);
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    return id;
  }

  private static List<String> related(String slug, int limit) {
    return given()
        .get("/api/v1/articles/" + slug + "/related?limit=" + limit)
        .then()
        .statusCode(200)
        .extract()
        .path("items.id");
  }

  @Test
  void sharedTagsRankFirstThenWordsAndCategoryAndNothingHiddenOrSelf() {
    String word = "zq" + Api.unique("x").substring(2).replace("-", "");
    String tag = Api.unique("strike");
    String home = Api.category();
    String elsewhere = Api.category();
    // only unique words and stop words in the title: every test article shares the default body
    String other = "zr" + Api.unique("y").substring(2).replace("-", "");
    String article = publish(home, "The " + word + " of " + other, List.of(tag));
    String sameTag = publish(elsewhere, "Unions meet again on Monday", List.of(tag));
    String sameWord = publish(elsewhere, "All about the " + word, List.of());
    String sameCategory = publish(home, "Council budget approved", List.of());
    String unrelated = publish(Api.category(), "Choir wins a regional prize", List.of());
    Map<String, Object> draft = Api.article(home, "Draft " + word + " piece");
    draft.put("tags", List.of(tag));
    String hidden = Api.create(token("editor"), draft).then().statusCode(201).extract().path("id");
    String slug = Api.slug(article);

    List<String> found = related(slug, 20);
    assertEquals(List.of(sameTag, sameWord, sameCategory), found.subList(0, 3), found.toString());
    assertFalse(found.contains(article), "never the article itself");
    assertFalse(found.contains(hidden), "never a draft");
    assertFalse(found.contains(unrelated), "nothing it shares nothing with");
    assertEquals(List.of(sameTag), related(slug, 1));

    Api.unpublish(sameTag); // the cached list follows
    assertEquals(List.of(sameWord, sameCategory), related(slug, 20).subList(0, 2));

    given().get("/api/v1/articles/no-such-story-here/related").then().statusCode(404);
    given().get("/api/v1/articles/" + Api.slug(hidden) + "/related").then().statusCode(404);
    given().get("/api/v1/articles/" + slug + "/related?limit=21").then().statusCode(400);
  }
}
