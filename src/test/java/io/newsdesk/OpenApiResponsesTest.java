package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** The response check that every test runs would notice a response the document does not allow. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class OpenApiResponsesTest {

  @TestHTTPResource("/")
  URL server;

  private String base() {
    return server.getProtocol() + "://" + server.getAuthority();
  }

  @Test
  void aBodyThatBreaksTheSchemaIsCaught() {
    String ok = "{\"items\":[],\"page\":{\"limit\":20,\"next\":null,\"prev\":null}}";
    assertNull(
        OpenApiResponses.problems(base(), "GET", "/api/v1/feed", 200, "application/json", ok));
    for (String bad :
        new String[] {
          "{\"items\":5,\"page\":{\"limit\":20,\"next\":null,\"prev\":null}}",
          "{\"items\":[{\"slug\":7}],\"page\":{\"limit\":20,\"next\":null,\"prev\":null}}",
          "{\"items\":[],\"page\":{\"limit\":\"twenty\",\"next\":null,\"prev\":null}}"
        }) {
      assertNotNull(
          OpenApiResponses.problems(base(), "GET", "/api/v1/feed", 200, "application/json", bad),
          bad);
    }
  }

  @Test
  void everyLineOfAnNdjsonBodyIsChecked() {
    String good = "{\"line\":1,\"result\":\"created\",\"status\":201}\n";
    String ndjson = "application/x-ndjson";
    String path = "/api/v1/manage/import";
    assertNull(OpenApiResponses.problems(base(), "POST", path, 200, ndjson, good + good));
    assertNotNull(
        OpenApiResponses.problems(
            base(), "POST", path, 200, ndjson, good + "{\"line\":2,\"result\":\"created\"}\n"),
        "a second line without its status");
    assertNotNull(
        OpenApiResponses.problems(base(), "POST", path, 200, ndjson, good + "not json\n"));
  }

  @Test
  void undocumentedStatusesAndMediaTypesAreCaught() {
    assertNotNull(
        OpenApiResponses.problems(base(), "GET", "/api/v1/feed", 418, "application/json", "{}"));
    assertNotNull(
        OpenApiResponses.problems(base(), "GET", "/api/v1/feed", 200, "text/html", "<p>hi</p>"));
    assertNotNull(
        OpenApiResponses.problems(base(), "DELETE", "/api/v1/feed", 200, "application/json", "{}"));
  }
}
