package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The change feed lets an offline app replay exactly what happened to published content. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ChangeFeedTest {

  /** Reads the whole feed from {@code since}; returns the changes and the cursor to go on from. */
  static Replay replay(String since) {
    List<Map<String, Object>> changes = new ArrayList<>();
    String cursor = since;
    while (true) {
      var request = given().queryParam("limit", 100);
      if (cursor != null) {
        request.queryParam("since", cursor);
      }
      JsonPath page = request.get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> items = page.getList("items");
      changes.addAll(items);
      cursor = page.getString("page.next");
      assertNotNull(cursor, "page.next is always set");
      if (items.size() < 100) {
        return new Replay(changes, cursor);
      }
    }
  }

  record Replay(List<Map<String, Object>> changes, String next) {
    List<String> typesOf(String id) {
      return changes.stream()
          .filter(c -> id.equals(c.get("id")))
          .map(c -> (String) c.get("type"))
          .toList();
    }
  }

  @Test
  void replaysPublishEditUnpublishRepublishArchiveExactly() {
    String start = replay(null).next();
    String category = Api.category();
    String id = Api.draft(category, "Allotment waiting list shrinks");
    Api.replace(id, Api.article(category, "Allotment waiting list shrinks fast")); // still a draft
    Api.publish(id, null).then().statusCode(200);
    Api.replace(id, Api.article(category, "Allotment waiting list halves")).then().statusCode(200);
    Api.unpublish(id);
    Api.publish(id, null).then().statusCode(200);
    Api.archive(id);

    Replay replay = replay(start);
    assertEquals(
        List.of("published", "updated", "unpublished", "published", "deleted"), replay.typesOf(id));
    Map<String, Object> last = replay.changes().get(replay.changes().size() - 1);
    assertEquals(id, last.get("id"));
    assertEquals(Api.slug(id), last.get("slug"));
    // Nothing new: the same cursor comes back, with no items
    Replay again = replay(replay.next());
    assertEquals(List.of(), again.changes());
    assertEquals(replay.next(), again.next());
  }

  @Test
  void aScheduledArticleAppearsWhenItsTimeComesAndAPurgeLeavesATombstone() {
    String start = replay(null).next();
    String category = Api.category();
    String id = Api.draft(category, "Lantern parade route announced");
    Instant at = TestClock.now().plusSeconds(60);
    Api.publish(id, Map.of("publishAt", at.toString())).then().statusCode(200);
    assertEquals(List.of(), replay(start).typesOf(id));

    TestClock.advance(java.time.Duration.ofSeconds(60));
    // the due job gives it its place in the change feed on its next round
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> !replay(start).typesOf(id).isEmpty());
    Replay replay = replay(start);
    assertEquals(List.of("published"), replay.typesOf(id));
    Map<String, Object> published =
        replay.changes().stream().filter(c -> id.equals(c.get("id"))).findFirst().orElseThrow();
    assertEquals(
        at.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
        Instant.parse((String) published.get("at")));

    String slug = Api.slug(id);
    Api.as(Api.ADMIN)
        .delete("/api/v1/manage/articles/" + id + "?purge=true")
        .then()
        .statusCode(204);
    Replay after = replay(replay.next());
    assertEquals(List.of("deleted"), after.typesOf(id));
    assertEquals(slug, after.changes().get(0).get("slug"));
  }

  @Test
  void aScheduleThatIsWithdrawnLeavesNoTrace() {
    String start = replay(null).next();
    String category = Api.category();
    String id = Api.draft(category, "Concert moved indoors");
    Api.publish(id, Map.of("publishAt", "2100-01-01T00:00:00Z")).then().statusCode(200);
    Api.unpublish(id);
    assertEquals(List.of(), replay(start).typesOf(id));
  }

  @Test
  void aTamperedCursorIsA400() {
    given()
        .queryParam("since", "AgAAAAAAAAAD21MGJI4X")
        .get("/api/v1/changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("since"));
  }
}
