package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The reader page as HTML, read the way crawlers and link previews read it: what the server sends
 * before any script runs (ReaderPageTest drives it in a browser).
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class ReaderHtmlTest {

  @Test
  void anArticlePageCarriesTheArticleAndWhatSearchEnginesAndLinkPreviewsRead() throws Exception {
    String category = Api.category();
    String photo =
        AssetTest.upload(TestImages.jpeg(1600, 900), "image/jpeg").then().extract().path("id");
    Map<String, Object> input = Api.article(category, "Harbour ferries run a night timetable");
    input.put("subtitle", "Crossings every forty minutes until two in the morning");
    input.put("image", Map.of("asset", photo, "alt", "A ferry leaving the harbour at dusk"));
    input.put("body", "## Times\n\nThe first ferry leaves at **20:10**.");
    input.put("tags", List.of("ferries"));
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    String slug = Api.slug(id);
    JsonPath api =
        given().get("/api/v1/articles/" + slug).then().statusCode(200).extract().jsonPath();

    Response response = given().accept("text/html").get("/articles/" + slug);
    response
        .then()
        .statusCode(200)
        .contentType("text/html")
        .header("Surrogate-Key", containsString("article:" + id))
        .header("Surrogate-Key", containsString("feed"))
        .header("Cache-Control", not(containsString("immutable")));
    Document page = Jsoup.parse(response.asString());
    assertEquals("Harbour ferries run a night timetable", page.selectFirst("h1").text());
    assertEquals("Harbour ferries run a night timetable · Newsdesk", page.title());
    assertEquals(
        "Crossings every forty minutes until two in the morning",
        meta(page, "name", "description"));
    assertEquals(api.getString("url"), page.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals(api.getString("url"), meta(page, "property", "og:url"));
    assertEquals("article", meta(page, "property", "og:type"));
    assertEquals("Harbour ferries run a night timetable", meta(page, "property", "og:title"));
    assertEquals("ferries", meta(page, "property", "article:tag"));
    assertEquals("summary_large_image", meta(page, "name", "twitter:card"));
    String preview = meta(page, "property", "og:image");
    assertTrue(preview.matches(".*/media/" + photo + "/16x9-.*-w1280\\.jpg"), preview);
    assertEquals("1280", meta(page, "property", "og:image:width"));
    assertEquals("720", meta(page, "property", "og:image:height"));
    assertEquals(preview, meta(page, "name", "twitter:image"));
    assertEquals("A ferry leaving the harbour at dusk", meta(page, "property", "og:image:alt"));
    for (String type :
        List.of("application/rss+xml", "application/atom+xml", "application/feed+json")) {
      assertNotNull(page.selectFirst("link[rel=alternate][type=" + type + "]"), type);
    }
    Map<?, ?> ld =
        new ObjectMapper()
            .readValue(page.selectFirst("script[type=application/ld+json]").data(), Map.class);
    assertEquals(api.getMap("structuredData"), ld);

    assertEquals("Times", page.selectFirst("#body h2").text());
    Element lead = page.selectFirst("#lead picture img");
    assertEquals("1600", lead.attr("width"));
    assertEquals("900", lead.attr("height"));
    assertEquals("high", lead.attr("fetchpriority"));
    assertTrue(lead.attr("srcset").contains("/media/" + photo + "/w640.jpg 640w"));
    assertTrue(
        page.selectFirst("#lead source[type=image/webp]").attr("srcset").contains("w640.webp"));
    assertTrue(page.select("#recent li").size() > 0);

    // gzipped from the first response on (REST Assured asks for it), under an ETag of its own
    String gzipped = response.header("ETag");
    assertTrue(gzipped.endsWith(".gz\""), gzipped);
    String etag = gzipped.replace(".gz\"", "\"");
    // right after start the cache waits for its change listener: a page is kept once it is up
    org.awaitility.Awaitility.await("the page comes from the cache")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                "HIT"
                    .equals(
                        given().accept("text/html").get("/articles/" + slug).header("X-Cache")));
    given()
        .config(
            io.restassured.RestAssured.config()
                .decoderConfig(
                    io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()))
        .accept("text/html")
        .get("/articles/" + slug)
        .then()
        .header("ETag", etag)
        .header("Content-Encoding", org.hamcrest.Matchers.nullValue());
    // and so from the cache
    given()
        .accept("text/html")
        .header("Accept-Encoding", "gzip")
        .get("/articles/" + slug)
        .then()
        .header("ETag", gzipped)
        .header("Content-Encoding", "gzip")
        .header("Vary", containsString("Accept-Encoding"))
        .body(containsString("Harbour ferries run a night timetable"));
    for (String tag : List.of(etag, gzipped)) {
      given()
          .accept("text/html")
          .header("If-None-Match", tag)
          .get("/articles/" + slug)
          .then()
          .statusCode(304);
    }
  }

  @Test
  void theFrontPageLeadsWithTheNewestArticleAndPagesOnWithoutJavaScript() {
    String category = Api.category();
    Instant base =
        Instant.now()
            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            .minus(Duration.ofDays(100));
    for (int i = 0; i < 23; i++) {
      String id = Api.draft(category, "Quay story " + i);
      Api.publish(id, Map.of("publishAt", base.plus(Duration.ofDays(i)).toString()))
          .then()
          .statusCode(200);
    }
    Document first = front("/?category=" + category);
    assertEquals("Quay story 22", first.selectFirst("h1").text());
    assertEquals(
        "http://localhost:8080/?category=" + category,
        first.selectFirst("link[rel=canonical]").attr("href"));
    assertEquals("website", meta(first, "property", "og:type"));
    assertEquals(
        "/feeds/rss.xml?category=" + category,
        first.selectFirst("link[type=application/rss+xml]").attr("href"));
    List<String> titles = first.select("#recent li > a").eachText();
    assertEquals(20, titles.size());
    assertEquals("Quay story 22", titles.get(0));
    Element time = first.selectFirst("#recent time");
    Instant newest = base.plus(Duration.ofDays(22));
    assertEquals(newest, Instant.parse(time.attr("datetime")));
    assertEquals(
        java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC)
            .format(newest),
        time.text());

    String older = first.selectFirst("a#more").attr("href");
    assertTrue(older.startsWith("/?category=" + category + "&cursor="), older);
    Document second = front(older);
    assertEquals("Quay story 22", second.selectFirst("h1").text(), "the lead stays the newest");
    assertEquals(
        List.of("Quay story 2", "Quay story 1", "Quay story 0"),
        second.select("#recent li > a").eachText());
    assertEquals(null, second.selectFirst("a#more"), "nothing older");

    // a new article is on the cached front page at once: publishing drops it
    Api.published(category, "Quay story newest");
    assertEquals("Quay story newest", front("/?category=" + category).selectFirst("h1").text());
  }

  @Test
  void aMissingOrHiddenArticleIsAPageThatSays404AndAnOldSlugMoves() {
    String category = Api.category();
    String draft = Api.draft(category, "A draft nobody may read yet");
    for (String path :
        List.of(
            "/articles/no-such-story-" + Api.unique("x"),
            "/articles/Not_A_Slug",
            "/articles/" + Api.slug(draft),
            "/?category=Not_A_Slug")) {
      Response response = given().accept("text/html").get(path);
      response.then().statusCode(404).contentType("text/html").header("Cache-Control", "no-store");
      Document page = Jsoup.parse(response.asString());
      assertEquals("Story not found", page.selectFirst("h1").text(), path);
      assertFalse(response.asString().contains("A draft nobody may read yet"), path);
    }

    String id = Api.published(category, "Lighthouse keeper retires");
    String old = Api.slug(id);
    Api.replace(
            id, Api.with(Api.article(category, "Lighthouse keeper retires"), "slug", old + "-2"))
        .then()
        .statusCode(200);
    given()
        .redirects()
        .follow(false)
        .accept("text/html")
        .get("/articles/" + old)
        .then()
        .statusCode(301)
        .header("Location", "/articles/" + old + "-2");
  }

  @Test
  void textInJsonLdCannotEndItsScriptElement() throws Exception {
    String title = "Quotes </script><script>alert(1)</script> & more";
    String id = Api.published(Api.category(), title);
    String html = given().accept("text/html").get("/articles/" + Api.slug(id)).asString();
    assertFalse(html.contains("<script>alert(1)"), "no markup from a title");
    Document page = Jsoup.parse(html);
    assertEquals(1, page.select("script[type=application/ld+json]").size());
    Map<?, ?> ld =
        new ObjectMapper()
            .readValue(page.selectFirst("script[type=application/ld+json]").data(), Map.class);
    assertEquals(title, ld.get("headline"));
    assertEquals(title, page.selectFirst("h1").text());
  }

  @Test
  void assetsHaveHashedNamesAndOnlyThoseAreImmutable() {
    Document page = front("/");
    List<String> assets =
        List.of(
            page.selectFirst("link[rel=stylesheet]").attr("href"),
            page.selectFirst("script[src]").attr("src"),
            page.selectFirst("link[rel=icon]").attr("href"),
            page.selectFirst("link[rel=apple-touch-icon]").attr("href"));
    Map<String, String> types =
        Map.of(".css", "text/css", ".js", "text/javascript", ".png", "image/png");
    for (String asset : assets) {
      assertTrue(asset.matches("/assets/[a-z-]+\\.[0-9a-f]{12}\\.(css|js|png)"), asset);
      Response response = given().get(asset);
      response
          .then()
          .statusCode(200)
          .header("Cache-Control", "public, max-age=31536000, immutable")
          .contentType(types.get(asset.substring(asset.lastIndexOf('.'))));
      given().header("If-None-Match", response.header("ETag")).get(asset).then().statusCode(304);
    }
    String css = assets.get(0);
    given().get(css.replaceAll("[0-9a-f]{12}", "000000000000")).then().statusCode(404);

    byte[] ico =
        given()
            .get("/favicon.ico")
            .then()
            .statusCode(200)
            .contentType("image/x-icon")
            .header("Cache-Control", "public, max-age=86400")
            .extract()
            .asByteArray();
    assertArrayEquals(new byte[] {0, 0, 1, 0, 1, 0}, Arrays.copyOf(ico, 6), "an ICO of one image");
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOfRange(ico, 22, 26), "holding a PNG");
    given().accept("text/html").get("/").then().header("Cache-Control", equalTo(cacheControl()));
  }

  private static String cacheControl() {
    return given().get("/api/v1/feed").header("Cache-Control");
  }

  private static Document front(String path) {
    Response response = given().accept("text/html").get(path);
    response.then().statusCode(200).contentType("text/html");
    return Jsoup.parse(response.asString());
  }

  private static String meta(Document page, String attribute, String name) {
    Element meta = page.selectFirst("meta[" + attribute + "=" + name + "]");
    assertNotNull(meta, name);
    return meta.attr("content");
  }
}
