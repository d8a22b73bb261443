package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Four 12 MP photos uploaded and rendered at once, on the packaged server with the heap README
 * recommends (320 MB): every upload and every first render answers, and the server does not run out
 * of memory, because decoding is bounded and done at the scale each rendition needs.
 */
class MediaUnderLoadIT {

  private static final String ADMIN = "media-load-admin-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void fourLargeUploadsAndTheirRendersAtOnceStayWithinTheHeap() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newHttpClient();
    try (PackagedApp app =
        PackagedApp.start(
            "media-load",
            database.start(),
            Map.of(
                "NEWSDESK_ADMIN_TOKEN", ADMIN,
                "NEWSDESK_MEDIA_DIRECTORY", "target/media-load-it",
                "JAVA_TOOL_OPTIONS", "-Xmx320m -XX:+UseSerialGC"))) {
      List<byte[]> photos = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        photos.add(TestImages.jpeg(4000, 3000));
      }
      List<CompletableFuture<List<Integer>>> work = new ArrayList<>();
      for (byte[] photo : photos) {
        work.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    HttpResponse<String> uploaded =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create(app.baseUri() + "/api/v1/manage/assets"))
                                .header("Authorization", "Bearer " + ADMIN)
                                .header("Content-Type", "image/jpeg")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(photo))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    List<Integer> statuses = new ArrayList<>(List.of(uploaded.statusCode()));
                    JsonNode asset = JSON.readTree(uploaded.body());
                    String id = asset.path("id").asText();
                    for (String file :
                        List.of(
                            "w1920.jpg",
                            "w640.webp",
                            "16x9-f500x500-w1280.jpg",
                            "1x1-f500x500-w320.webp")) {
                      statuses.add(
                          http.send(
                                  HttpRequest.newBuilder(
                                          URI.create(app.baseUri() + "/media/" + id + "/" + file))
                                      .build(),
                                  HttpResponse.BodyHandlers.discarding())
                              .statusCode());
                    }
                    return statuses;
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                },
                pool));
      }
      for (CompletableFuture<List<Integer>> one : work) {
        List<Integer> statuses = one.get();
        assertEquals(201, statuses.get(0), statuses.toString());
        assertTrue(
            statuses.subList(1, statuses.size()).stream().allMatch(s -> s == 200),
            statuses.toString());
      }
      assertEquals(
          200,
          http.send(
                  HttpRequest.newBuilder(URI.create(app.baseUri() + "/q/health/live")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
    } finally {
      pool.shutdownNow();
      database.stop();
    }
    String log = Files.readString(Path.of("target/media-load.log"));
    assertFalse(log.contains("OutOfMemoryError"), "the server ran out of memory");
  }
}
