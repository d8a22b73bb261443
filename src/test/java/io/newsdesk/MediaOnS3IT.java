package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media on S3: two instances of the packaged application share a bucket of a real S3 server
 * (s3proxy with its file-system backend, a process of its own on loopback; the build copies its
 * jar). What one instance stores, the other serves; deleting an asset empties its objects and both
 * instances stop serving it; nothing goes to the local media directory.
 */
class MediaOnS3IT {

  private static final String ADMIN = "media-on-s3-admin-token";
  private static final String BUCKET = "newsdesk-media";
  private static final String IDENTITY = "s3-test-identity";
  private static final String CREDENTIAL = "s3-test-credential";

  private static final PostgresDatabase database = new PostgresDatabase();
  private static final List<PackagedApp> instances = new ArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Path UNUSED = Path.of("target/media-on-s3-unused");
  private static Process s3proxy;
  private static S3Client s3;

  @BeforeAll
  static void startS3AndTwoInstances() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String endpoint = "http://127.0.0.1:" + port;
    Path data = Files.createTempDirectory(Path.of("target"), "s3proxy-data-");
    Path properties = data.resolveSibling(data.getFileName() + ".properties");
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + IDENTITY,
            "s3proxy.credential=" + CREDENTIAL,
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + data.toAbsolutePath()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    s3proxy =
        new ProcessBuilder(
                java,
                "-jar",
                System.getProperty("s3proxy.jar"),
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(new File("target/s3proxy.log"))
            .start();
    s3 =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(URI.create(endpoint))
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
            .build();
    org.awaitility.Awaitility.await("s3proxy answers")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () -> {
              assertTrue(s3proxy.isAlive(), "s3proxy exited; see target/s3proxy.log");
              s3.createBucket(request -> request.bucket(BUCKET));
              return true;
            });

    Map<String, String> datasource = database.start();
    Map<String, String> settings =
        Map.of(
            "NEWSDESK_ADMIN_TOKEN", ADMIN,
            "NEWSDESK_MEDIA_STORAGE", "s3",
            "NEWSDESK_MEDIA_S3_BUCKET", BUCKET,
            "NEWSDESK_MEDIA_S3_ENDPOINT", endpoint,
            "NEWSDESK_MEDIA_S3_ACCESS_KEY", IDENTITY,
            "NEWSDESK_MEDIA_S3_SECRET_KEY", CREDENTIAL,
            "NEWSDESK_MEDIA_DIRECTORY", UNUSED.toAbsolutePath().toString());
    instances.add(PackagedApp.start("media-on-s3-a", datasource, settings));
    instances.add(PackagedApp.start("media-on-s3-b", datasource, settings));
  }

  @AfterAll
  static void stopAll() throws InterruptedException {
    for (PackagedApp instance : instances) {
      instance.close();
    }
    database.stop();
    if (s3 != null) {
      s3.close();
    }
    if (s3proxy != null) {
      s3proxy.destroy();
      s3proxy.waitFor();
    }
  }

  private static HttpResponse<byte[]> get(PackagedApp instance, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(instance.baseUri() + path))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> objects(String asset) {
    return s3
        .listObjectsV2(request -> request.bucket(BUCKET).prefix("media/" + asset + "/"))
        .contents()
        .stream()
        .map(S3Object::key)
        .map(key -> key.substring(("media/" + asset + "/").length()))
        .sorted()
        .toList();
  }

  @Test
  void whatOneInstanceStoresTheOtherServesAndADeletionEmptiesTheBucket() throws Exception {
    PackagedApp a = instances.get(0);
    PackagedApp b = instances.get(1);
    byte[] photo = TestImages.jpeg(1600, 1200);
    HttpResponse<String> uploaded =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(a.baseUri() + "/api/v1/manage/assets"))
                .header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    String asset =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(uploaded.body())
            .path("id")
            .asText();
    assertEquals(List.of("upload"), objects(asset));

    // B renders from the upload A stored; A then serves B's rendition from the bucket
    HttpResponse<byte[]> fromB = get(b, "/media/" + asset + "/w640.webp");
    assertEquals(200, fromB.statusCode());
    assertEquals("image/webp", fromB.headers().firstValue("Content-Type").orElse(null));
    assertEquals(List.of("upload", "w640.webp"), objects(asset));
    HttpResponse<byte[]> fromA = get(a, "/media/" + asset + "/w640.webp");
    assertEquals(200, fromA.statusCode());
    assertArrayEquals(fromB.body(), fromA.body());
    assertEquals(
        fromB.headers().firstValue("ETag").orElseThrow(),
        fromA.headers().firstValue("ETag").orElseThrow());
    String crop = "16x9-f500x500-w1280.jpg";
    assertEquals(200, get(a, "/media/" + asset + "/" + crop).statusCode());
    assertEquals(List.of(crop, "upload", "w640.webp"), objects(asset));
    assertEquals(200, get(b, "/media/" + asset + "/" + crop).statusCode()); // now in B's memory

    HttpResponse<String> deleted =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(a.baseUri() + "/api/v1/manage/assets/" + asset))
                .header("Authorization", "Bearer " + ADMIN)
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(204, deleted.statusCode(), deleted.body());
    assertEquals(List.of(), objects(asset));
    assertEquals(404, get(a, "/media/" + asset + "/" + crop).statusCode());
    // B kept the crop in memory: the deletion's notification makes it forget
    org.awaitility.Awaitility.await("the other instance forgets the deleted asset")
        .atMost(Duration.ofSeconds(60))
        .until(() -> get(b, "/media/" + asset + "/" + crop).statusCode() == 404);
    assertEquals(404, get(b, "/media/" + asset + "/w640.webp").statusCode());
    assertFalse(Files.exists(UNUSED), "nothing is written to the local media directory");
  }
}
