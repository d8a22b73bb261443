package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tags as readers see them: only what published articles have, counted over those alone. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class TagTest {

  private static String article(String category, String title, List<String> tags) {
    Map<String, Object> body = Api.article(category, title);
    body.put("tags", tags);
    return Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
  }

  /** Every tag of the list, read page by page in the given order. */
  private static List<String> allTags(String order) {
    List<String> slugs = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonPath list =
          given()
              .queryParam("order", order)
              .queryParam("page", page)
              .get("/api/v1/tags")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      slugs.addAll(list.getList("items.slug"));
      if (page >= list.getInt("page.totalPages")) {
        return slugs;
      }
    }
  }

  @Test
  void onlyTagsOfPublishedArticlesExistAndTheyCountOnlyThose() {
    String category = Api.category();
    String shared = Api.unique("harbour");
    String onlyDraft = Api.unique("embargo");
    String onlyScheduled = Api.unique("tomorrow");
    String first = article(category, "Harbour wall repaired", List.of(shared));
    String second = article(category, "Harbour dredging starts", List.of(shared, onlyDraft));
    String draft = article(category, "Embargoed harbour sale", List.of(onlyDraft));
    String scheduled = article(category, "Harbour festival next year", List.of(onlyScheduled));
    Api.publish(first, null).then().statusCode(200);
    Api.publish(second, null).then().statusCode(200);
    Api.unpublish(second);
    Api.publish(scheduled, Map.of("publishAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()))
        .then()
        .statusCode(200);

    given()
        .get("/api/v1/tags/" + shared)
        .then()
        .statusCode(200)
        .body("slug", equalTo(shared))
        .body("name", equalTo(shared))
        .body("description", nullValue())
        .body("articleCount", equalTo(1));
    for (String hidden : List.of(onlyDraft, onlyScheduled)) {
      given().get("/api/v1/tags/" + hidden).then().statusCode(404);
    }
    for (String order : List.of("count", "name")) {
      List<String> listed = allTags(order);
      assertTrue(listed.contains(shared), order);
      assertFalse(listed.contains(onlyDraft), order + " lists a draft's tag");
      assertFalse(listed.contains(onlyScheduled), order + " lists a scheduled article's tag");
    }

    // publishing the draft makes its tag exist, in the cached list too
    Api.publish(draft, null).then().statusCode(200);
    given()
        .get("/api/v1/tags/" + onlyDraft)
        .then()
        .statusCode(200)
        .body("articleCount", equalTo(1));
    assertTrue(allTags("count").contains(onlyDraft));
  }

  @Test
  void editorsNameAndDescribeTagsAndReadersSeeItAtOnce() {
    String category = Api.category();
    String tag = Api.unique("ferries");
    String id = article(category, "Ferry timetable changes", List.of(tag));
    String slug = Api.publish(id, null).then().statusCode(200).extract().path("slug");
    given().get("/api/v1/tags/" + tag).then().statusCode(200).body("name", equalTo(tag));
    for (int i = 0; i < 2; i++) { // cached from the second read on
      given().get("/api/v1/articles/" + slug).then().body("tags[0].name", equalTo(tag));
      given()
          .queryParam("tag", tag)
          .get("/api/v1/feed")
          .then()
          .body("items[0].tags[0].name", equalTo(tag));
    }
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Ferries", "description", "Crossings, timetables and the fleet"))
        .put("/api/v1/manage/tags/" + tag)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ferries"))
        .body("articleCount", equalTo(1));
    given()
        .get("/api/v1/tags/" + tag)
        .then()
        .statusCode(200)
        .body("name", equalTo("Ferries"))
        .body("description", equalTo("Crossings, timetables and the fleet"));
    // the article and its card show the name at once, and the change feed says it was updated
    given().get("/api/v1/articles/" + slug).then().body("tags[0].name", equalTo("Ferries"));
    given()
        .queryParam("tag", tag)
        .get("/api/v1/feed")
        .then()
        .body("items[0].tags[0].name", equalTo("Ferries"));
    org.junit.jupiter.api.Assertions.assertTrue(
        Api.allChanges().stream()
            .anyMatch(c -> c.get("type").equals("updated") && c.get("id").equals(id)));

    // a tag editors named before any article has it exists, with no articles
    String planned = Api.unique("elections");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Elections"))
        .put("/api/v1/manage/tags/" + planned)
        .then()
        .statusCode(200)
        .body("articleCount", equalTo(0));
    as(token("contributor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Mine"))
        .put("/api/v1/manage/tags/" + planned)
        .then()
        .statusCode(403);
  }
}
