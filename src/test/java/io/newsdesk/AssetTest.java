package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The media library through its API: upload, describe, renditions, and what never gets out. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class AssetTest {

  private static final String ADMIN = "test-admin-token";

  /**
   * A served rendition's width and height, read by metadata-extractor: ImageIO's plugin registry
   * belongs to the server's class loader in a Quarkus test, not to the test's.
   */
  private static int[] size(byte[] bytes) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    var jpeg = metadata.getFirstDirectoryOfType(com.drew.metadata.jpeg.JpegDirectory.class);
    if (jpeg != null) {
      return new int[] {jpeg.getImageWidth(), jpeg.getImageHeight()};
    }
    var webp = metadata.getFirstDirectoryOfType(com.drew.metadata.webp.WebpDirectory.class);
    return new int[] {
      webp.getInt(com.drew.metadata.webp.WebpDirectory.TAG_IMAGE_WIDTH),
      webp.getInt(com.drew.metadata.webp.WebpDirectory.TAG_IMAGE_HEIGHT)
    };
  }

  private static RequestSpecification admin() {
    return given().header("Authorization", "Bearer " + ADMIN);
  }

  static Response upload(byte[] bytes, String contentType) {
    return admin().contentType(contentType).body(bytes).post("/api/v1/manage/assets");
  }

  /** Every rendition of an asset: path, type and the decoded picture. */
  private static List<String> sourcePaths(Response asset) {
    return asset.jsonPath().<String>getList("sources.url").stream()
        .map(url -> URI.create(url).getPath())
        .toList();
  }

  @Test
  void anUploadHasItsSizePlaceholderAndALadderOfRenditionsInWebpAndJpeg() throws Exception {
    Response asset =
        admin()
            .multiPart("file", "harbour at dawn.jpg", TestImages.jpeg(1500, 1000), "image/jpeg")
            .multiPart("alt", "Fishing boats at the quay")
            .multiPart("credit", "Newsdesk test photo")
            .post("/api/v1/manage/assets");
    asset
        .then()
        .statusCode(201)
        .header("Location", startsWith("/api/v1/manage/assets/"))
        .body("filename", equalTo("harbour at dawn.jpg"))
        .body("mimeType", equalTo("image/jpeg"))
        .body("width", equalTo(1500))
        .body("height", equalTo(1000))
        .body("alt", equalTo("Fishing boats at the quay"))
        .body("focalPoint.x", equalTo(0.5f))
        .body("placeholder", startsWith("data:image/png;base64,"))
        .body("placeholder.length()", lessThan(500))
        .body("url", startsWith("http://localhost:8080/media/"))
        .body(
            "sources.width", equalTo(List.of(320, 640, 960, 1280, 1500, 320, 640, 960, 1280, 1500)))
        .body("sources.type", hasItem("image/webp"));
    for (String path : sourcePaths(asset)) {
      HttpResponse<byte[]> rendition = fetch(path, null);
      assertEquals(200, rendition.statusCode(), path);
      assertEquals(
          "public, max-age=31536000, immutable",
          rendition.headers().firstValue("Cache-Control").orElse(null));
      assertEquals(
          path.endsWith(".webp") ? "image/webp" : "image/jpeg",
          rendition.headers().firstValue("Content-Type").orElse(null));
      int[] size = size(rendition.body());
      int width = Integer.parseInt(path.replaceAll(".*/w(\\d+)\\..*", "$1"));
      assertEquals(width, size[0], path);
      assertEquals(Math.round(width / 1.5f), size[1], 1, path);
      String key = "asset:" + path.split("/")[2];
      assertEquals(key, rendition.headers().firstValue("Surrogate-Key").orElse(null), path);
      String etag = rendition.headers().firstValue("ETag").orElseThrow();
      assertEquals(304, fetch(path, etag).statusCode(), path);
      // read again: now from memory on the event loop (MediaHits), the same bytes and headers
      HttpResponse<byte[]> again = fetch(path, null);
      assertTrue(java.util.Arrays.equals(rendition.body(), again.body()), path);
      assertEquals(rendition.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
      assertEquals(key, again.headers().firstValue("Surrogate-Key").orElse(null), path);
      assertEquals(
          rendition.headers().firstValue("Content-Type"),
          again.headers().firstValue("Content-Type"));
      assertEquals(
          "public, max-age=31536000, immutable",
          again.headers().firstValue("Cache-Control").orElse(null));
    }
  }

  /**
   * A rendition's bytes as sent: REST Assured reads an image/webp body as text, which mangles it.
   */
  private static HttpResponse<byte[]> fetch(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path));
    if (ifNoneMatch != null) {
      request.header("If-None-Match", ifNoneMatch);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * Java's HttpClient (and curl --http2) ask a plain-HTTP server to upgrade to HTTP/2 (h2c); over
   * an upgraded connection, renditions answered from memory came out corrupt about once in twenty.
   * Cleartext HTTP/2 is off, so they stay on HTTP/1.1 and every answer is whole.
   */
  @Test
  void plainHttpClientsThatAskForHttp2GetEveryRenditionWhole() throws Exception {
    Response asset = upload(TestImages.jpeg(1200, 800), "image/jpeg");
    String path = sourcePaths(asset).get(sourcePaths(asset).size() - 1);
    byte[] first = fetch(path, null).body();
    for (int i = 0; i < 100; i++) {
      HttpResponse<byte[]> again = fetch(path, null); // a new client each time: a new upgrade
      assertEquals(HttpClient.Version.HTTP_1_1, again.version());
      assertTrue(java.util.Arrays.equals(first, again.body()), "answer " + i);
    }
  }

  @Test
  void cropsFollowTheFocalPointAndMovingItGivesNewUrls() throws Exception {
    Response asset = upload(TestImages.jpeg(1600, 900), "image/jpeg");
    asset
        .then()
        .statusCode(201)
        .body("crops.aspect", hasItem("16:9"))
        .body("crops.aspect", hasItem("4:3"))
        .body("crops.aspect", hasItem("1:1"));
    List<Map<String, Object>> crops = asset.jsonPath().getList("crops");
    for (Map<String, Object> crop : crops) {
      if (!crop.get("type").equals("image/jpeg")) {
        continue;
      }
      String path = URI.create((String) crop.get("url")).getPath();
      HttpResponse<byte[]> served = fetch(path, null);
      assertEquals(200, served.statusCode(), path);
      int[] size = size(served.body());
      assertEquals(crop.get("width"), size[0], path);
      assertEquals((int) crop.get("height"), size[1], 1, path);
    }
    String id = asset.path("id");
    String wide =
        URI.create(asset.<String>path("crops.find { it.aspect == '16:9' }.url")).getPath();
    Response moved =
        admin()
            .contentType("application/merge-patch+json")
            .body(Map.of("focalPoint", Map.of("x", 0.1, "y", 0.3)))
            .patch("/api/v1/manage/assets/" + id);
    String movedWide =
        URI.create(moved.<String>path("crops.find { it.aspect == '16:9' }.url")).getPath();
    assertTrue(movedWide.contains("-f100x300-"), movedWide);
    assertEquals(200, fetch(movedWide, null).statusCode());
    // a crop around the old point that was never rendered cannot be made any more
    String oldWebp =
        URI.create(
                asset.<String>path(
                    "crops.find { it.aspect == '4:3' && it.type == 'image/webp' }.url"))
            .getPath();
    assertEquals(404, fetch(oldWebp, null).statusCode(), oldWebp);
    assertFalse(wide.equals(movedWide));
  }

  @Test
  void onlyTheLadderExistsAndNeverWiderThanThePhoto() {
    Response asset = upload(TestImages.jpeg(500, 300), "image/jpeg");
    asset.then().statusCode(201).body("sources.width", equalTo(List.of(320, 500, 320, 500)));
    String id = asset.path("id");
    for (String missing :
        List.of("w640.jpg", "w321.jpg", "w500.png", "upload", "..%2Fupload", "w500.gif")) {
      given().get("/media/" + id + "/" + missing).then().statusCode(404);
    }
  }

  @Test
  void theSameBytesTwiceAreOneAsset() {
    byte[] bytes = TestImages.png(400, 300);
    String first = upload(bytes, "image/png").then().statusCode(201).extract().path("id");
    upload(bytes, "image/png").then().statusCode(200).body("id", equalTo(first));
  }

  @Test
  void theSameBytesUploadedConcurrentlyAreStillOneAsset() throws Exception {
    byte[] bytes = TestImages.jpeg(600, 400);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Response>> uploads = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        uploads.add(
            pool.submit(
                () -> {
                  start.await();
                  return upload(bytes, "image/jpeg");
                }));
      }
      start.countDown();
      java.util.Set<String> ids = new java.util.HashSet<>();
      int created = 0;
      for (var upload : uploads) {
        Response response = upload.get();
        assertTrue(List.of(200, 201).contains(response.statusCode()), response.asString());
        created += response.statusCode() == 201 ? 1 : 0;
        ids.add(response.path("id"));
      }
      assertEquals(1, created);
      assertEquals(1, ids.size(), ids.toString());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aGifIsTakenAndItsRenditionsAreWebpAndJpeg() throws Exception {
    Response asset = upload(TestImages.gif(500, 250), "image/gif");
    asset
        .then()
        .statusCode(201)
        .body("mimeType", equalTo("image/gif"))
        .body("width", equalTo(500))
        .body("height", equalTo(250));
    for (String path : sourcePaths(asset)) {
      HttpResponse<byte[]> served = fetch(path, null);
      assertEquals(200, served.statusCode(), path);
      assertEquals(
          Integer.parseInt(path.replaceAll(".*/w(\\d+)\\..*", "$1")), size(served.body())[0]);
    }
  }

  @Test
  void theTypeIsReadFromTheBytesNeverFromTheHeaderOrTheName() {
    // a PNG sent as a JPEG called .gif is a PNG
    admin()
        .multiPart("file", "picture.gif", TestImages.png(300, 200), "image/jpeg")
        .post("/api/v1/manage/assets")
        .then()
        .statusCode(201)
        .body("mimeType", equalTo("image/png"));
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    for (Response refused :
        List.of(
            upload(svg, "image/svg+xml"),
            upload("just text".getBytes(StandardCharsets.UTF_8), "image/jpeg"),
            admin().multiPart("file", "x.jpg", svg, "image/jpeg").post("/api/v1/manage/assets"))) {
      refused
          .then()
          .statusCode(415)
          .contentType("application/problem+json")
          .body("type", equalTo("/problems/unsupported-media-type"));
    }
  }

  @Test
  void decompressionBombsAndBrokenFilesAre422s() {
    upload(TestImages.pngHeaderClaiming(100_000, 100_000), "image/png")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/image-too-large"))
        .body("detail", org.hamcrest.Matchers.containsString("newsdesk.media.max-pixels"));
    byte[] jpeg = TestImages.jpeg(800, 600);
    byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
    upload(cut, "image/jpeg")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/unreadable-image"));
    upload(TestImages.pngHeaderClaiming(40, 30), "image/png")
        .then()
        .statusCode(422)
        .body("type", equalTo("/problems/unreadable-image"));
  }

  @Test
  void noMetadataLeavesTheServerAndTheOrientationIsApplied() throws Exception {
    byte[] phone = TestImages.jpegWithGps(800, 600, 6);
    // the fixture really carries GPS, or this test would prove nothing
    assertTrue(gps(phone) != null, "the test photo has GPS tags");
    Response asset = upload(phone, "image/jpeg");
    asset.then().statusCode(201).body("width", equalTo(600)).body("height", equalTo(800));
    for (String path : sourcePaths(asset)) {
      byte[] served = fetch(path, null).body();
      String raw = new String(served, StandardCharsets.ISO_8859_1);
      if (path.endsWith(".jpg")) {
        assertNull(gps(served), path + " carries GPS");
        assertFalse(raw.contains("Exif"), path + " has an EXIF segment");
      } else {
        assertFalse(raw.contains("EXIF") || raw.contains("XMP "), path + " has a metadata chunk");
      }
      int[] size = size(served);
      assertTrue(size[1] > size[0], path + " is upright (portrait)");
    }
  }

  private static Directory gps(byte[] bytes) throws Exception {
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes));
    return metadata.getFirstDirectoryOfType(GpsDirectory.class);
  }

  @Test
  void editorsDescribeAssetsAndFindThem() {
    String id = upload(TestImages.jpeg(400, 300), "image/jpeg").then().extract().path("id");
    String word = "lighthouse" + id.substring(0, 6);
    admin()
        .queryParam("entityType", "asset")
        .queryParam("entityId", id)
        .get("/api/v1/manage/audit")
        .then()
        .statusCode(200)
        .body("items.method", equalTo(List.of("POST")));
    admin()
        .contentType("application/merge-patch+json")
        .body(
            Map.of(
                "caption", "The " + word + " at night", "focalPoint", Map.of("x", 0.2, "y", 0.7)))
        .patch("/api/v1/manage/assets/" + id)
        .then()
        .statusCode(200)
        .body("caption", equalTo("The " + word + " at night"))
        .body("focalPoint.x", equalTo(0.2f));
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("focalPoint", Map.of("x", 2, "y", 0.5)))
        .patch("/api/v1/manage/assets/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("focalPoint.x"));
    admin()
        .contentType("application/merge-patch+json")
        .body(Map.of("width", 10))
        .patch("/api/v1/manage/assets/" + id)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("width"));
    admin()
        .get("/api/v1/manage/assets?q=" + word.toUpperCase())
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(id)))
        .body("items.caption", everyItem(org.hamcrest.Matchers.containsString(word)));
  }

  @Test
  void onlyAdminsDeleteAndNeverWhileAnArticleShowsIt() {
    String unused = upload(TestImages.jpeg(300, 200), "image/jpeg").then().extract().path("id");
    given()
        .header("Authorization", "Bearer " + Api.token("editor"))
        .delete("/api/v1/manage/assets/" + unused)
        .then()
        .statusCode(403);
    admin().delete("/api/v1/manage/assets/" + unused).then().statusCode(204);
    admin().get("/api/v1/manage/assets/" + unused).then().statusCode(404);
    given().get("/media/" + unused + "/w300.jpg").then().statusCode(404);

    Response used = upload(TestImages.jpeg(300, 200), "image/jpeg");
    String category = "media-" + used.<String>path("id").substring(0, 8);
    admin()
        .contentType("application/json")
        .body(Map.of("slug", category, "name", "Media"))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "title",
                "With a photo",
                "category",
                category,
                "image",
                Map.of("url", used.path("url"), "alt", "A photo")))
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(201);
    admin()
        .delete("/api/v1/manage/assets/" + used.path("id"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void aBodyShowsALibraryPhotoAsAFigureAndKeepsItFromBeingDeleted() {
    Response asset =
        admin()
            .multiPart("file", "quay.jpg", TestImages.jpeg(1400, 700), "image/jpeg")
            .multiPart("alt", "The quay at low tide")
            .multiPart("caption", "Low tide on Sunday")
            .post("/api/v1/manage/assets");
    String id = asset.path("id");
    String category = "figure-" + id.substring(0, 8);
    admin()
        .contentType("application/json")
        .body(Map.of("slug", category, "name", "Figures"))
        .post("/api/v1/manage/categories")
        .then()
        .statusCode(201);
    String article =
        admin()
            .contentType("application/json")
            .body(
                Map.of(
                    "title", "Low tide " + id.substring(0, 8),
                    "category", category,
                    "body", "The water went out.\n\n![](asset:" + id + ")\n\nThen it came back."))
            .post("/api/v1/manage/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    admin()
        .contentType("application/json")
        .post("/api/v1/manage/articles/" + article + "/publish")
        .then()
        .statusCode(200);
    String slug = admin().get("/api/v1/manage/articles/" + article).path("slug");
    String html =
        given().get("/api/v1/articles/" + slug).then().statusCode(200).extract().path("body.html");
    assertTrue(html.contains("<figure><img src=\"" + asset.path("url") + "\""), html);
    assertTrue(html.contains("width=\"1400\" height=\"700\""), html);
    assertTrue(html.contains("<figcaption>Low tide on Sunday</figcaption>"), html);
    admin().delete("/api/v1/manage/assets/" + id).then().statusCode(409);

    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "title", "Missing photo",
                "category", category,
                "body", "![](asset:00000000-0000-4000-8000-000000000000)"))
        .post("/api/v1/manage/articles")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("body"));
  }
}
