package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * gzip, negotiated by Accept-Encoding: delivery responses (JSON, feeds, sitemaps, the reader page)
 * are compressed once and kept so, each encoding with its own ETag, from the first response on.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class CompressionTest {

  /** A request whose body REST Assured leaves as it came, with this Accept-Encoding (or none). */
  private static RequestSpecification raw(String acceptEncoding) {
    RequestSpecification request =
        given()
            .config(
                RestAssured.config()
                    .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    return acceptEncoding == null ? request : request.header("Accept-Encoding", acceptEncoding);
  }

  private static byte[] gunzip(byte[] gzip) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
      return in.readAllBytes();
    }
  }

  @Test
  void xmlAndHtmlAreGzippedFromTheFirstResponseOn() throws Exception {
    String category = Api.category();
    String id = Api.published(category, "A story compressed on its first read");
    String slug =
        Api.as(Api.token("editor")).get("/api/v1/manage/articles/" + id).path("slug").toString();
    for (String path :
        List.of(
            "/feeds/atom.xml?category=" + category,
            "/feeds/rss.xml?category=" + category,
            "/articles/" + slug,
            "/?category=" + category)) {
      Response first = raw("gzip").get(path);
      first
          .then()
          .statusCode(200)
          .header("X-Cache", "MISS")
          .header("Content-Encoding", "gzip")
          .header("Vary", containsString("Accept-Encoding"));
      Response identity = raw(null).get(path);
      assertArrayEquals(identity.asByteArray(), gunzip(first.asByteArray()), path);
      assertEquals(identity.header("ETag").replaceAll("\"$", ".gz\""), first.header("ETag"));
    }
  }

  @Test
  void deliveryResponsesAreGzippedForClientsThatAcceptItUnderTheirOwnETag() throws Exception {
    String category = Api.category();
    for (int i = 0; i < 3; i++) {
      Api.published(category, "Compressed story number " + i);
    }
    for (String path :
        List.of(
            "/api/v1/feed?category=" + category,
            "/api/v1/categories/" + category,
            "/feeds/rss.xml?category=" + category,
            "/feeds/feed.json?category=" + category)) {
      // and from the cache alike
      org.awaitility.Awaitility.await(path + " from the cache")
          .atMost(Duration.ofSeconds(60))
          .until(() -> "HIT".equals(raw("gzip").get(path).header("X-Cache")));
      Response identity = raw(null).get(path);
      identity.then().statusCode(200).header("Content-Encoding", nullValue());
      Response gzip = raw("br;q=1.0, gzip;q=0.8, *;q=0.1").get(path);
      gzip.then()
          .statusCode(200)
          .header("Content-Encoding", "gzip")
          .header("Vary", containsString("Accept-Encoding"));
      assertArrayEquals(identity.asByteArray(), gunzip(gzip.asByteArray()), path);
      String identityTag = identity.header("ETag");
      String gzipTag = gzip.header("ETag");
      assertNotEquals(identityTag, gzipTag, path + ": each encoding has its own ETag");
      assertEquals(identityTag.replaceAll("\"$", ".gz\""), gzipTag, path);
      for (String tag : List.of(identityTag, gzipTag)) {
        raw("gzip").header("If-None-Match", tag).get(path).then().statusCode(304);
      }
      raw("gzip;q=0, identity").get(path).then().header("Content-Encoding", nullValue());
    }
  }
}
