package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One article in each state × every delivery endpoint × the parameters a curious client tries: only
 * the published one appears anywhere, and every total counts it alone. The unpublished and archived
 * articles were public (and their pages cached) before they were hidden, so a stale cache entry
 * would show up here too. Writes stay in flight throughout: an editor publishes and edits stories
 * in another category, and "another instance" (the test, by notification) announces changes that
 * hide nothing to every list, so what they drop may be served while it is refilled, while two more
 * readers go over the same URLs; none of their reads begun after the hiding calls returned shows a
 * hidden article either.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class VisibilityMatrixTest {

  @jakarta.inject.Inject io.agroal.api.AgroalDataSource database;

  private static final List<String> CURIOUS =
      List.of("", "status=draft", "preview=true", "include=all", "static=1", "draft=true");

  /** An article the matrix made: its state, id, slug and title. */
  private record Made(String state, String id, String slug, String title) {}

  @Test
  void onlyPublishedContentAppearsAnywhere() throws InterruptedException {
    String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String category = Api.category();
    String tag = "matrix-" + word;
    String author = "writer-" + word;
    Api.as(Api.token("editor"))
        .contentType(io.restassured.http.ContentType.JSON)
        .body(Map.of("slug", author, "name", "Matrix Writer"))
        .post("/api/v1/manage/authors")
        .then()
        .statusCode(201);
    Map<String, Made> made = new LinkedHashMap<>();
    for (String state : List.of("published", "draft", "scheduled", "unpublished", "archived")) {
      String title = "Matrix " + word + " " + state;
      Map<String, Object> input = Api.article(category, title);
      input.put("tags", List.of(tag));
      input.put("authors", List.of(author));
      input.put("body", "The " + word + " council met. This copy is " + state + ".");
      String id =
          Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
      made.put(state, new Made(state, id, Api.slug(id), title));
    }
    for (String state : List.of("published", "unpublished", "archived")) {
      Api.publish(made.get(state).id(), null).then().statusCode(200);
    }
    Api.publish(
            made.get("scheduled").id(),
            Map.of("publishAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()))
        .then()
        .statusCode(200);

    String page = "page-" + word;
    List<Map<String, Object>> items = new ArrayList<>();
    made.values().forEach(m -> items.add(Map.of("article", m.id())));
    Api.as(Api.token("editor"))
        .contentType(io.restassured.http.ContentType.JSON)
        .body(Map.of("name", "Matrix page", "items", items, "fill", Map.of("tag", tag)))
        .put("/api/v1/manage/collections/" + page)
        .then()
        .statusCode(201);
    List<String> urls = urls(category, tag, author, word, made);
    urls.add("/api/v1/collections/" + page);
    // While three are public, read every page twice: the response cache keeps them from then on.
    for (int round = 0; round < 2; round++) {
      urls.forEach(url -> given().get(url));
    }
    List<Made> hidden = made.values().stream().filter(m -> !m.state().equals("published")).toList();
    InFlight inFlight = new InFlight(urls, hidden, database);
    inFlight.start();
    Api.unpublish(made.get("unpublished").id());
    Api.archive(made.get("archived").id());
    inFlight.hiddenAt = System.nanoTime();

    Made published = made.get("published");
    List<Executable> checks = new ArrayList<>();
    int cells = 0;
    for (String url : urls) {
      for (String extra : CURIOUS) {
        String full = extra.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + extra;
        Response response = given().get(full);
        int status = response.statusCode();
        String body = response.asString();
        cells++;
        boolean hiddenArticlePage = hidden.stream().anyMatch(m -> url.endsWith("/" + m.slug()));
        if (hiddenArticlePage) {
          checks.add(() -> assertEquals(404, status, full));
          continue;
        }
        checks.add(() -> assertEquals(200, status, full));
        for (Made m : hidden) {
          checks.add(() -> assertFalse(body.contains(m.title()), full + " shows " + m.state()));
          if (!url.startsWith("/api/v1/changes")) {
            checks.add(() -> assertFalse(body.contains(m.id()), full + " names " + m.state()));
            checks.add(() -> assertFalse(body.contains(m.slug()), full + " links " + m.state()));
          }
        }
        // categories, tags and authors list no articles; related stories never list the
        // article itself
        boolean lists =
            !url.startsWith("/api/v1/categories")
                && !url.startsWith("/api/v1/tags")
                && !url.startsWith("/api/v1/authors")
                && !url.contains("/related");
        if (url.startsWith("/api/v1/collections/")) {
          checks.add(
              () ->
                  assertEquals(
                      List.of(published.id()),
                      JsonPath.from(body).getList("items.id"),
                      full + ": the published one, once"));
        }
        if (url.startsWith("/api/v1/authors/")) {
          checks.add(
              () ->
                  assertEquals(
                      1, JsonPath.from(body).getInt("articleCount"), full + ": published only"));
        }
        if (lists
            && (url.contains(word) || url.contains(category) || url.contains(published.slug()))) {
          checks.add(() -> assertTrue(body.contains(published.title()), full + " lacks it"));
        }
        boolean filtered = url.contains(category) || url.contains(tag) || url.contains(word);
        if (lists && filtered && url.contains("page=1")) { // unfiltered: other tests' articles too
          checks.add(
              () ->
                  assertEquals(
                      1, JsonPath.from(body).getInt("page.totalItems"), full + ": the total"));
        }
      }
    }
    checks.add(() -> changeFeedTellsOnlyWhatWasPublic(made));
    inFlight.stop();
    checks.add(() -> assertEquals(List.of(), inFlight.leaks, "reads alongside the matrix"));
    System.out.printf(
        "Visibility matrix: %d URLs x %d parameter sets = %d cells, 5 states each; alongside,"
            + " %d writes and %d reads (%d of them STALE)%n",
        urls.size(),
        CURIOUS.size(),
        cells,
        inFlight.writes.get(),
        inFlight.reads.get(),
        inFlight.stale.get());
    assertAll(checks);
  }

  /**
   * An editor writing in another category, and two readers going over the matrix's URLs, while the
   * matrix runs; reads begun after {@link #hiddenAt} that show a hidden article are leaks.
   */
  private static final class InFlight {

    private final List<String> urls;
    private final List<Made> hidden;
    private final io.agroal.api.AgroalDataSource database;
    private final java.util.concurrent.atomic.AtomicBoolean running =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    private final java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(3);
    final List<String> leaks = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger writes =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger stale =
        new java.util.concurrent.atomic.AtomicInteger();
    volatile long hiddenAt = Long.MAX_VALUE;

    InFlight(List<String> urls, List<Made> hidden, io.agroal.api.AgroalDataSource database) {
      this.urls = urls;
      this.hidden = hidden;
      this.database = database;
    }

    /** What an instance sends after an edit elsewhere that hid nothing and touched every list. */
    private void editedElsewhere() {
      try (java.sql.Connection connection = database.getConnection();
          java.sql.Statement statement = connection.createStatement()) {
        statement.execute(
            "select pg_notify('newsdesk_changes', 'from:another-instance feed content ~soft')");
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    void start() {
      String elsewhere = Api.category();
      String followUp = Api.published(elsewhere, "Matrix follow-up 0");
      threads.execute(
          () -> {
            for (int n = 1; running.get(); n++) {
              if (n % 5 == 0) {
                Api.published(elsewhere, "Matrix follow-up " + n);
              } else {
                Api.replace(followUp, Api.article(elsewhere, "Matrix follow-up 0, edit " + n));
              }
              editedElsewhere();
              writes.incrementAndGet();
            }
          });
      for (int reader = 0; reader < 2; reader++) {
        int offset = reader;
        threads.execute(
            () -> {
              for (int i = offset; running.get(); i++) {
                String url = urls.get(i % urls.size());
                long began = System.nanoTime();
                Response response = given().get(url);
                reads.incrementAndGet();
                if ("STALE".equals(response.header("X-Cache"))) {
                  stale.incrementAndGet();
                }
                String body = response.asString();
                for (Made m : hidden) {
                  boolean wasPublic =
                      m.state().equals("unpublished") || m.state().equals("archived");
                  if ((!wasPublic || began > hiddenAt)
                      && response.statusCode() == 200
                      && body.contains(m.title())) {
                    leaks.add(url + " (" + response.header("X-Cache") + ") shows " + m.state());
                  }
                }
              }
            });
      }
    }

    void stop() throws InterruptedException {
      running.set(false);
      threads.shutdown();
      assertTrue(threads.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS));
    }
  }

  private static List<String> urls(
      String category, String tag, String author, String word, Map<String, Made> made) {
    String past = Instant.now().minus(1, ChronoUnit.DAYS).toString();
    String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
    List<String> urls = new ArrayList<>();
    made.values().forEach(m -> urls.add("/api/v1/articles/" + m.slug()));
    made.values().forEach(m -> urls.add("/articles/" + m.slug())); // the reader page
    // the hidden ones share its category, tag and words: related stories must not show them
    urls.add("/api/v1/articles/" + made.get("published").slug() + "/related?limit=20");
    urls.addAll(
        List.of(
            "/api/v1/feed",
            "/api/v1/feed?category=" + category,
            "/api/v1/feed?tag=" + tag,
            "/api/v1/feed?category=" + category + "&after=" + past,
            "/api/v1/feed?category=" + category + "&before=" + future,
            "/api/v1/feed?page=1",
            "/api/v1/feed?page=1&category=" + category,
            "/api/v1/feed?page=1&tag=" + tag,
            "/api/v1/feed?author=" + author,
            "/api/v1/feed?page=1&author=" + author,
            "/api/v1/authors",
            "/api/v1/authors?page=1&limit=100",
            "/api/v1/authors/" + author,
            "/sitemap.xml",
            "/sitemap-"
                + java.time.YearMonth.from(TestClock.now().atZone(java.time.ZoneOffset.UTC))
                + ".xml",
            "/sitemaps/news.xml",
            "/?category=" + category,
            "/api/v1/feed?page=1&category=" + category + "&after=" + past + "&before=" + future,
            "/api/v1/categories",
            "/api/v1/categories?page=1",
            "/api/v1/categories/" + category,
            "/api/v1/tags",
            "/api/v1/tags?order=name&page=1",
            "/api/v1/tags/" + tag,
            "/api/v1/search?q=" + word,
            "/api/v1/search?q=" + word + "&category=" + category,
            "/api/v1/search?q=" + word + "&page=1",
            "/api/v1/changes",
            "/feeds/rss.xml",
            "/feeds/rss.xml?category=" + category,
            "/feeds/atom.xml",
            "/feeds/atom.xml?category=" + category,
            "/feeds/feed.json",
            "/feeds/feed.json?category=" + category));
    return urls;
  }

  /**
   * The change feed names an article only once it was public: never the draft or the scheduled one,
   * and the unpublished and archived ones end with their unpublished and deleted entries.
   */
  private static void changeFeedTellsOnlyWhatWasPublic(Map<String, Made> made) {
    List<Map<String, String>> changes = Api.allChanges();
    for (String state : List.of("draft", "scheduled")) {
      String id = made.get(state).id();
      assertTrue(changes.stream().noneMatch(c -> id.equals(c.get("id"))), state);
    }
    assertEquals("unpublished", last(changes, made.get("unpublished").id()));
    assertEquals("deleted", last(changes, made.get("archived").id()));
    assertEquals("published", last(changes, made.get("published").id()));
  }

  private static String last(List<Map<String, String>> changes, String id) {
    return changes.stream()
        .filter(c -> id.equals(c.get("id")))
        .reduce((a, b) -> b)
        .map(c -> c.get("type"))
        .orElse("none");
  }
}
