package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsdesk.cache.ResponseCache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Responses come from memory, and every write that changes what readers see shows on the very next
 * read: the cache is never stale.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ResponseCacheTest {

  @Inject ResponseCache cache;
  @Inject SessionFactory sessionFactory;

  @Test
  void aRepeatedReadIsServedWithoutTheDatabase() {
    String category = Api.category();
    Api.published(category, "Cached story about rain gauges");
    String path = "/api/v1/feed?category=" + category;
    // Right after start the cache waits for its listener and the schedule check, and that check
    // runs statements of its own now and then: try until a hit is seen with no statement at all.
    org.awaitility.Awaitility.await("the second read of " + path + " comes from the cache")
        .atMost(java.time.Duration.ofSeconds(60))
        .until(() -> servedFromCache(path));
    given().get(path).then().header("X-Cache", "HIT");
  }

  private boolean servedFromCache(String path) {
    given().get(path).then().statusCode(200);
    long hits = cache.stats().hitCount();
    long statements = sessionFactory.getStatistics().getPrepareStatementCount();
    given()
        .get(path)
        .then()
        .statusCode(200)
        .body("items[0].title", equalTo("Cached story about rain gauges"));
    return cache.stats().hitCount() > hits
        && sessionFactory.getStatistics().getPrepareStatementCount() == statements;
  }

  @Test
  void anEditShowsOnTheNextRead() {
    String category = Api.category();
    String id = Api.published(category, "Bridge repairs start on Monday");
    String slug = Api.slug(id);
    warm("/api/v1/articles/" + slug, "/api/v1/feed?category=" + category);

    Api.replace(id, Api.article(category, "Bridge repairs start on Tuesday"))
        .then()
        .statusCode(200);

    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("title", equalTo("Bridge repairs start on Tuesday"));
    given()
        .get("/api/v1/feed?category=" + category)
        .then()
        .body("items[0].title", equalTo("Bridge repairs start on Tuesday"));
  }

  @Test
  void anEditOfALiveArticleDropsTheListsShowingItAndWhatDependsOnWordsButNoOtherList() {
    String edited = Api.category();
    String other = Api.category();
    String id = Api.published(edited, "Lighthouse keeper retires after forty years");
    Api.published(other, "Allotment waiting list shrinks");
    String slug = Api.slug(id);
    String listWithIt = "/api/v1/feed?category=" + edited;
    String listWithoutIt = "/api/v1/feed?category=" + other;
    String search = "/api/v1/search?q=lantern&category=" + edited;
    warm(listWithIt, listWithoutIt, search);
    given().get(search).then().body("items", org.hamcrest.Matchers.empty());

    // its words change; its category, tags, authors and publication time do not. A scheduled
    // article of another test coming due drops every list too: such a round is tried again.
    String title = null;
    for (int round = 0; title == null; round++) {
      assertTrue(round < 5, "five rounds in a row saw other invalidations");
      org.awaitility.Awaitility.await("the lists are kept")
          .atMost(java.time.Duration.ofSeconds(60))
          .until(
              () ->
                  "HIT".equals(given().get(listWithoutIt).header("X-Cache"))
                      && "HIT".equals(given().get(listWithIt).header("X-Cache")));
      long before = cache.ticket().generation();
      String edit =
          "Lighthouse keeper retires after forty years with her "
              + (round % 2 == 0 ? "lantern" : "old lantern");
      Api.replace(id, Api.article(edited, edit)).then().statusCode(200);
      String kept = given().get(listWithoutIt).header("X-Cache");
      if (cache.ticket().generation() == before + 1) { // the edit's own invalidation only
        assertEquals("HIT", kept, "a list without the edited article is kept");
        title = edit;
      }
    }
    given().get(listWithIt).then().header("X-Cache", "MISS").body("items[0].title", equalTo(title));
    given().get(search).then().body("items[0].slug", equalTo(slug));
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("title", org.hamcrest.Matchers.endsWith("lantern"));

    // a move to another category changes which lists show it: every list goes
    Api.replace(id, Api.article(other, title)).then().statusCode(200);
    given().get(listWithoutIt).then().header("X-Cache", "MISS").body("items.slug", hasItem(slug));
    given().get(listWithIt).then().body("items.slug", not(hasItem(slug)));
  }

  @Test
  void unpublishingAndArchivingShowOnTheNextRead() {
    String category = Api.category();
    String first = Api.published(category, "Market hall gets a new roof");
    String second = Api.published(category, "Market hall opens on Sundays");
    String feed = "/api/v1/feed?category=" + category;
    warm("/api/v1/articles/" + Api.slug(first), "/api/v1/articles/" + Api.slug(second), feed);

    Api.unpublish(first);
    Api.archive(second);

    given().get("/api/v1/articles/" + Api.slug(first)).then().statusCode(404);
    given().get("/api/v1/articles/" + Api.slug(second)).then().statusCode(404);
    given().get(feed).then().body("items.size()", equalTo(0));
  }

  @Test
  void anInvalidationFindsWhatToDropByKeyAndLeavesNothingListedForWhatItDropped() {
    String category = Api.category();
    String first = Api.published(category, "Ferry timetable changes for winter");
    String second = Api.published(category, "Ferry crew wins a safety award");
    String feed = "/api/v1/feed?category=" + category;
    warm("/api/v1/articles/" + Api.slug(first), "/api/v1/articles/" + Api.slug(second), feed);

    // drops the first's article and the feed, which is listed under the second's key too; the
    // feed is not read again, so nothing lists it anew
    Api.unpublish(first);
    given().get("/api/v1/articles/" + Api.slug(first)).then().statusCode(404);
    given().get("/api/v1/articles/" + Api.slug(second)).then().header("X-Cache", "HIT");
    // other requests may store and drop entries meanwhile: the lists match once they settle
    org.awaitility.Awaitility.await("every entry listed under its keys, and nothing else listed")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(cache::listsMatchEntries);
    given().get(feed).then().header("X-Cache", "MISS").body("items.size()", equalTo(1));
  }

  @Test
  void aTeaserOverrideShowsOnTheNextRead() {
    String category = Api.category();
    String id = Api.published(category, "Orchard harvest comes early");
    String feed = "/api/v1/feed?category=" + category;
    warm(feed);
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("title", "Apples, early"))
        .put("/api/v1/manage/articles/" + id + "/teaser")
        .then()
        .statusCode(200);
    given().get(feed).then().body("items[0].title", equalTo("Apples, early"));
  }

  @Test
  void aCategoryRenameShowsOnTheNextRead() {
    String category = Api.category();
    String id = Api.published(category, "Choir wins regional contest");
    String slug = Api.slug(id);
    warm("/api/v1/articles/" + slug, "/api/v1/feed", "/api/v1/categories/" + category);
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("name", "Renamed section"))
        .put("/api/v1/manage/categories/" + category)
        .then()
        .statusCode(200);
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("category.name", equalTo("Renamed section"));
    given().get("/api/v1/categories/" + category).then().body("name", equalTo("Renamed section"));
    given()
        .queryParam("category", category)
        .get("/api/v1/feed")
        .then()
        .body("items[0].category.name", equalTo("Renamed section"));
  }

  @Test
  void aNewCategoryShowsInTheCachedList() {
    warm("/api/v1/categories");
    // a slug that sorts first: the list has one page of 100 and other tests add categories too
    String category = Api.unique("aaa");
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", category, "name", "First section"))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    given().get("/api/v1/categories").then().body("items.slug", hasItem(category));
  }

  @Test
  void aScheduledArticleAppearsInCachedListsWhenItsTimeComes() {
    String category = Api.category();
    String id = Api.draft(category, "Fireworks over the river tonight");
    Instant at = TestClock.now().plusSeconds(60);
    Api.publish(id, Map.of("publishAt", at.toString())).then().statusCode(200);
    String feed = "/api/v1/feed?category=" + category;
    warm(feed, "/api/v1/feed", "/feeds/rss.xml?category=" + category);
    given().get(feed).then().body("items.size()", equalTo(0));

    TestClock.advance(java.time.Duration.between(TestClock.now(), at).plusMillis(1));
    // No wait for a job: the cached responses expire at the publication time itself.
    given().get(feed).then().body("items[0].id", equalTo(id));
    given().get("/api/v1/feed").then().body("items.id", hasItem(id));
    given()
        .get("/feeds/rss.xml?category=" + category)
        .then()
        .body(not(equalTo("")))
        .body("rss.channel.item.title", equalTo("Fireworks over the river tonight"));
    Api.awaitReleased(id);
  }

  private static void warm(String... paths) {
    for (String path : paths) {
      given().get(path).then().statusCode(200);
      given().get(path).then().statusCode(200);
    }
  }
}
