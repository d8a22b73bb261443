package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Response headers that keep browsers and scanners from learning or guessing too much. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class HardeningTest {

  @Test
  void everyKindOfResponseForbidsTypeSniffingAndNamesNoServer() {
    String category = Api.category();
    String slug = Api.slug(Api.published(category, "Harbour lights switched on for winter"));
    List<String> paths =
        List.of(
            "/api/v1/articles/" + slug,
            "/api/v1/feed?category=" + category,
            "/api/v1/articles/no-such-article",
            "/feeds/rss.xml?category=" + category,
            "/api/v1/manage/articles",
            "/q/health/live",
            "/");
    for (String path : paths) {
      for (int round = 0; round < 3; round++) { // misses, then delivery answers from memory
        given()
            .get(path)
            .then()
            .header("X-Content-Type-Options", equalTo("nosniff"))
            .header("Server", nullValue());
      }
    }
    // a scheduled article of another test coming due may drop the feed meanwhile: wait for a hit
    String feed = "/api/v1/feed?category=" + category;
    Response hit =
        await("a hit on " + feed)
            .atMost(Duration.ofSeconds(60))
            .until(() -> given().get(feed), r -> "HIT".equals(r.header("X-Cache")));
    hit.then().header("X-Content-Type-Options", equalTo("nosniff")).header("Server", nullValue());
  }

  @Test
  void traceIsRefusedWithAProblem() {
    given()
        .request("TRACE", "/api/v1/feed")
        .then()
        .statusCode(405)
        .contentType(startsWith("application/problem+json"))
        .header("X-Content-Type-Options", equalTo("nosniff"));
  }
}
