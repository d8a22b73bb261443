package io.newsdesk;

import static io.newsdesk.Api.as;
import static io.newsdesk.Api.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Photos of the media library on articles and teasers: what readers get everywhere an article shows
 * (article, feed, search, JSON Feed), how describing a photo again reaches them, and what an editor
 * may not do with a photo.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class PicturesTest {

  private static String upload(int width, int height, String alt, String caption, String credit) {
    var request =
        as(token("editor"))
            .multiPart("file", "photo.jpg", TestImages.jpeg(width, height), "image/jpeg");
    request.multiPart("alt", alt).multiPart("caption", caption).multiPart("credit", credit);
    return request.post("/api/v1/manage/assets").then().statusCode(201).extract().path("id");
  }

  private static void patchAsset(String id, Map<String, Object> patch) {
    as(token("editor"))
        .contentType("application/merge-patch+json")
        .body(patch)
        .patch("/api/v1/manage/assets/" + id)
        .then()
        .statusCode(200);
  }

  private static Map<String, Object> image(String asset) {
    return Map.of("asset", asset);
  }

  private static JsonPath article(String slug) {
    return given().get("/api/v1/articles/" + slug).then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath teaserIn(String category, String id) {
    JsonPath feed =
        given()
            .get("/api/v1/feed?category=" + category)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> ids = feed.getList("items.id");
    assertTrue(ids.contains(id), "the feed shows " + id);
    return new JsonPath(feed.prettify()).setRootPath("items[" + ids.indexOf(id) + "]");
  }

  @Test
  void aLibraryPhotoReachesReadersWithItsSizeCreditPlaceholderAndEveryRendition() throws Exception {
    String asset =
        upload(2400, 1600, "Gulls over the breakwater", "The breakwater at noon.", "Test desk");
    String category = Api.category();
    String word = Api.unique("breakwater").replace("-", "");
    Map<String, Object> body = Api.article(category, "Gulls return to the " + word);
    body.put("image", image(asset));
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    as(token("editor"))
        .get("/api/v1/manage/articles/" + id)
        .then()
        .body("image.asset", equalTo(asset))
        .body("image.alt", nullValue()); // the editor gave none: the asset's shows
    Api.publish(id, null).then().statusCode(200);
    String slug = Api.slug(id);

    assertEquals("http://localhost:8080/articles/" + slug, article(slug).getString("url"));
    JsonPath image = article(slug).setRootPath("image");
    assertEquals(2400, image.getInt("width"));
    assertEquals(1600, image.getInt("height"));
    assertEquals("Gulls over the breakwater", image.getString("alt"));
    assertEquals("The breakwater at noon.", image.getString("caption"));
    assertEquals("Test desk", image.getString("credit"));
    assertTrue(image.getString("placeholder").startsWith("data:image/png;base64,"));
    assertEquals("http://localhost:8080/media/" + asset + "/w1920.jpg", image.getString("url"));
    assertEquals(
        List.of(320, 640, 960, 1280, 1920, 320, 640, 960, 1280, 1920),
        image.getList("sources.width"));
    assertEquals(
        List.of(213, 427, 640, 853, 1280, 213, 427, 640, 853, 1280),
        image.getList("sources.height"));
    assertEquals(
        List.of("16:9", "4:3", "1:1"),
        image.<String>getList("crops.aspect").stream().distinct().toList());
    assertTrue(image.<Integer>getList("crops.width").contains(1920));
    for (String url : image.<String>getList("crops.url")) {
      assertTrue(url.startsWith("http://localhost:8080/media/" + asset + "/"), url);
    }
    // the announced sizes are what is served
    String wide =
        image.getString(
            "crops.find { it.aspect == '16:9' && it.width == 640 && it.type == 'image/jpeg' }.url");
    assertEquals(
        360,
        image.getInt(
            "crops.find { it.aspect == '16:9' && it.width == 640 && it.type == 'image/jpeg' }.height"));
    HttpResponse<byte[]> crop =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:"
                                + io.restassured.RestAssured.port
                                + URI.create(wide).getPath()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, crop.statusCode());
    assertEquals("image/jpeg", crop.headers().firstValue("Content-Type").orElse(null));
    var metadata =
        com.drew.imaging.ImageMetadataReader.readMetadata(
            new java.io.ByteArrayInputStream(crop.body()));
    var jpeg = metadata.getFirstDirectoryOfType(com.drew.metadata.jpeg.JpegDirectory.class);
    assertEquals(640, jpeg.getImageWidth());
    assertEquals(360, jpeg.getImageHeight());

    // the same picture in the feed, in search results and in the JSON Feed
    JsonPath teaser = teaserIn(category, id);
    assertEquals(image.getString("url"), teaser.getString("image.url"));
    assertEquals(image.getList("crops.url"), teaser.getList("image.crops.url"));
    assertEquals("Test desk", teaser.getString("image.credit"));
    given()
        .get("/api/v1/search?q=" + word)
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(id))
        .body("items[0].image.width", equalTo(2400))
        .body("items[0].image.sources.size()", equalTo(10));
    given()
        .get("/feeds/feed.json?category=" + category)
        .then()
        .statusCode(200)
        .body("items[0].image", equalTo(image.getString("url")));
  }

  @Test
  void describingAPhotoAgainReachesEveryArticleThatShowsItAndTheChangeFeed() {
    String asset = upload(1600, 1200, "A tram at the depot", "The depot.", "Desk one");
    String category = Api.category();
    Map<String, Object> body = Api.article(category, "Trams back on the hill line");
    body.put("image", Map.of("asset", asset, "caption", "The editor's own caption."));
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    String slug = Api.slug(id);
    JsonPath before = article(slug);
    String lastModified = given().get("/api/v1/articles/" + slug).header("Last-Modified");
    assertEquals("The editor's own caption.", before.getString("image.caption"));
    teaserIn(category, id); // cached now
    List<String> changed = changesOf(id);

    TestClock.advance(java.time.Duration.ofMinutes(2));
    patchAsset(
        asset,
        Map.of(
            "alt", "A green tram at the depot",
            "credit", "Desk two",
            "focalPoint", Map.of("x", 0.2, "y", 0.3)));

    JsonPath after = article(slug);
    assertEquals("A green tram at the depot", after.getString("image.alt"));
    assertEquals("The editor's own caption.", after.getString("image.caption"));
    assertEquals("Desk two", after.getString("image.credit"));
    assertEquals(before.getList("image.sources.url"), after.getList("image.sources.url"));
    List<String> crops = after.getList("image.crops.url");
    assertNotEquals(before.getList("image.crops.url"), crops);
    assertTrue(crops.get(0).contains("-f200x300-"), crops.get(0));
    JsonPath teaser = teaserIn(category, id);
    assertEquals(crops, teaser.getList("image.crops.url"));
    assertEquals("Desk two", teaser.getString("image.credit"));
    String modified = given().get("/api/v1/articles/" + slug).header("Last-Modified");
    Instant was =
        ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    Instant now = ZonedDateTime.parse(modified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertTrue(now.isAfter(was), lastModified + " then " + modified);
    given()
        .header("If-Modified-Since", lastModified)
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200);
    changed = new java.util.ArrayList<>(changed);
    changed.add("updated");
    assertEquals(changed, changesOf(id));

    // the same words again change nothing: no entry in the change feed
    patchAsset(asset, Map.of("credit", "Desk two"));
    assertEquals(changed, changesOf(id));
  }

  /** The types of the article's entries in the change feed, oldest first. */
  private static List<String> changesOf(String id) {
    return Api.allChanges().stream()
        .filter(change -> id.equals(change.get("id")))
        .map(change -> change.get("type"))
        .toList();
  }

  @Test
  void aTeaserCanShowAnotherPhotoAndAPhotoInUseCannotBeDeleted() {
    String lead = upload(1200, 800, "The lead photo", "On the quay.", "Desk");
    String card = upload(800, 800, "The card photo", "Stalls.", "Desk");
    String category = Api.category();
    Map<String, Object> body = Api.article(category, "Harbour festival draws a crowd");
    body.put("image", image(lead));
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    as(token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("image", Map.of("asset", card, "alt", "Stalls on the quay")))
        .put("/api/v1/manage/articles/" + id + "/teaser")
        .then()
        .statusCode(200)
        .body("override.image.asset", equalTo(card))
        .body("effective.image.width", equalTo(800))
        .body("effective.image.alt", equalTo("Stalls on the quay"));
    Api.publish(id, null).then().statusCode(200);
    assertEquals(1200, article(Api.slug(id)).getInt("image.width"));
    assertEquals(800, teaserIn(category, id).getInt("image.height"));

    for (String asset : List.of(lead, card)) {
      as(token("admin"))
          .delete("/api/v1/manage/assets/" + asset)
          .then()
          .statusCode(409)
          .contentType("application/problem+json");
    }
  }

  @Test
  void anImageIsALibraryPhotoOrAUrlAndTheAssetMustExist() {
    String asset = upload(640, 480, "A lighthouse", "The point.", "Desk");
    String category = Api.category();
    Map<String, Map<String, Object>> bad =
        Map.of(
            "image",
            Map.of("asset", asset, "url", "https://images.example.com/a.jpg"),
            "image.asset",
            Map.of("asset", "7c0f5f0e-56b2-4b53-9a43-1b0b8d7c3e11"));
    bad.forEach(
        (field, image) -> {
          Map<String, Object> body = Api.article(category, "Lighthouse keeper retires");
          body.put("image", image);
          Api.create(token("editor"), body)
              .then()
              .statusCode(400)
              .contentType("application/problem+json")
              .body("errors.field", hasItems(field));
        });
    Map<String, Object> body = Api.article(category, "Lighthouse keeper retires");
    body.put("image", Map.of("alt", "Nothing to show"));
    Api.create(token("editor"), body)
        .then()
        .statusCode(400)
        .body("errors.field", hasItems("image"));

    // wire copy keeps its external picture: its URL and words, no renditions
    body.put("image", Map.of("url", "https://images.example.com/wire.jpg", "alt", "Wire photo"));
    String id = Api.create(token("editor"), body).then().statusCode(201).extract().path("id");
    Api.publish(id, null).then().statusCode(200);
    given()
        .get("/api/v1/articles/" + Api.slug(id))
        .then()
        .statusCode(200)
        .body("image.url", equalTo("https://images.example.com/wire.jpg"))
        .body("image.alt", equalTo("Wire photo"))
        .body("image.width", nullValue())
        .body("image.sources.size()", equalTo(0))
        .body("image.placeholder", nullValue());
  }
}
