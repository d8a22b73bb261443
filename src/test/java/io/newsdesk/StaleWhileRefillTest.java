package io.newsdesk;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.agroal.api.AgroalDataSource;
import io.newsdesk.cache.ResponseCache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * While one request refills an entry that another instance's edit dropped, the others get the
 * previous one rather than wait; the refilling request gets the edit. A change that hides something
 * leaves nothing to serve meanwhile, and on the instance that made an edit every read after it
 * waits for the edit. Another instance is played by the test: it changes a title in the database
 * and sends the notification an instance sends. The refill is held in flight by a lock on the
 * articles table, taken by the test.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class StaleWhileRefillTest {

  @Inject AgroalDataSource database;
  @Inject ResponseCache cache;

  @Test
  void othersGetThePreviousArticleWhileTheFirstReaderRefillsItAfterAnEditElsewhere()
      throws Exception {
    String category = Api.category();
    String id = Api.published(category, "Ferry timetable for the winter");
    String path = "/api/v1/articles/" + Api.slug(id);
    awaitHit(path);
    editedElsewhere(id, "Ferry timetable for the winter, revised");

    try (Connection lock = database.getConnection()) {
      hold(lock);
      CompletableFuture<Response> refill = CompletableFuture.supplyAsync(() -> given().get(path));
      awaitBlockedReads(1);
      Response meanwhile =
          CompletableFuture.supplyAsync(() -> given().get(path)).get(30, TimeUnit.SECONDS);
      assertEquals("STALE", meanwhile.header("X-Cache"));
      assertEquals("Ferry timetable for the winter", meanwhile.path("title"));
      assertEquals("no-cache", meanwhile.header("Cache-Control"), "no proxy keeps it");
      lock.rollback();
      Response fresh = refill.get(30, TimeUnit.SECONDS);
      assertEquals("MISS", fresh.header("X-Cache"));
      assertEquals("Ferry timetable for the winter, revised", fresh.path("title"));
    }
    Response after = given().get(path);
    assertNotEquals("STALE", after.header("X-Cache"));
    assertEquals("Ferry timetable for the winter, revised", after.path("title"));
  }

  @Test
  void anUnpublishedArticleIsNotServedWhileItIsRefilledEvenRightAfterAnEdit() throws Exception {
    String category = Api.category();
    String id = Api.published(category, "Lido opens its outdoor pool");
    String path = "/api/v1/articles/" + Api.slug(id);
    awaitHit(path);
    editedElsewhere(id, "Lido opens its outdoor pool early"); // set aside for a refill...
    Api.unpublish(id); // ...until this hides it

    try (Connection lock = database.getConnection()) {
      hold(lock);
      CompletableFuture<Response> refill = CompletableFuture.supplyAsync(() -> given().get(path));
      awaitBlockedReads(1);
      CompletableFuture<Response> meanwhile =
          CompletableFuture.supplyAsync(() -> given().get(path));
      // nothing to serve: it waits for the refill like any miss
      awaitWaitingForRefill();
      lock.rollback();
      assertEquals(404, refill.get(30, TimeUnit.SECONDS).statusCode());
      assertEquals(404, meanwhile.get(30, TimeUnit.SECONDS).statusCode());
    }
  }

  @Test
  void onTheInstanceThatMadeAnEditEveryReadAfterItGetsTheEdit() throws Exception {
    String category = Api.category();
    String id = Api.published(category, "Library extends its opening hours");
    String path = "/api/v1/articles/" + Api.slug(id);
    awaitHit(path);
    Api.replace(id, Api.article(category, "Library extends its opening hours to Sundays"))
        .then()
        .statusCode(200);

    try (Connection lock = database.getConnection()) {
      hold(lock);
      CompletableFuture<Response> refill = CompletableFuture.supplyAsync(() -> given().get(path));
      awaitBlockedReads(1);
      CompletableFuture<Response> mine = CompletableFuture.supplyAsync(() -> given().get(path));
      awaitWaitingForRefill();
      lock.rollback();
      for (Response read : List.of(refill.get(30, TimeUnit.SECONDS), mine.get(30, SECONDS))) {
        assertEquals("Library extends its opening hours to Sundays", read.path("title"));
      }
    }
  }

  /**
   * What another instance's edit of a live article's title does here: the row changes, and the
   * notification names the article's key as a change that hid nothing.
   */
  private void editedElsewhere(String id, String title) throws Exception {
    long before = cache.ticket().generation();
    try (Connection connection = database.getConnection();
        PreparedStatement update =
            connection.prepareStatement("update newsdesk.article set title = ? where id = ?");
        PreparedStatement notify =
            connection.prepareStatement("select pg_notify('newsdesk_changes', ?)")) {
      update.setString(1, title);
      update.setObject(2, UUID.fromString(id));
      assertEquals(1, update.executeUpdate());
      notify.setString(1, "from:another-instance article:" + id + " ~soft");
      notify.execute();
    }
    Awaitility.await("the notification arrives")
        .atMost(Duration.ofSeconds(30))
        .until(() -> cache.ticket().generation() > before);
  }

  private static void awaitHit(String path) {
    Awaitility.await(path + " from the cache")
        .atMost(Duration.ofSeconds(60))
        .until(() -> "HIT".equals(given().get(path).header("X-Cache")));
  }

  /** Takes a lock that every read of an article waits for, until {@code lock} rolls back. */
  private static void hold(Connection lock) throws Exception {
    lock.setAutoCommit(false);
    try (Statement statement = lock.createStatement()) {
      statement.execute("lock table newsdesk.article in access exclusive mode");
    }
  }

  private void awaitBlockedReads(int reads) {
    Awaitility.await(reads + " read(s) waiting for the lock")
        .atMost(Duration.ofSeconds(30))
        .until(() -> blockedReads() >= reads);
  }

  private static void awaitWaitingForRefill() {
    Awaitility.await("a read waits for the refill")
        .atMost(Duration.ofSeconds(30))
        .until(() -> waitingForRefills() >= 1);
  }

  private static double waitingForRefills() {
    String metrics = given().get("/q/metrics").asString();
    for (String line : metrics.split("\n")) {
      if (line.startsWith("newsdesk_delivery_waiting ")) {
        return Double.parseDouble(line.substring("newsdesk_delivery_waiting ".length()));
      }
    }
    throw new IllegalStateException("no newsdesk_delivery_waiting in /q/metrics");
  }

  private long blockedReads() throws Exception {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                    + " and query ilike '%from article%'")) {
      row.next();
      return row.getLong(1);
    }
  }
}
