package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class SanitizingTest {

  private static void assertServedClean(Map<String, Object> input) {
    String id = Api.create(Api.token("editor"), input).then().statusCode(201).extract().path("id");
    String slug = Api.publish(id, null).then().statusCode(200).extract().path("slug");
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("body.html", not(containsString("<script")))
        .body("body.html", not(containsString("onerror")))
        .body("body.html", not(containsString("onclick")))
        .body("body.html", not(containsString("javascript:")))
        .body("body.html", containsString("Kept paragraph"))
        .body("body.text", not(containsString("steal")));
  }

  @Test
  void markdownWithScriptsHandlersAndJavascriptLinksComesOutClean() {
    Map<String, Object> input = Api.article(Api.category(), "Markdown attack");
    input.put(
        "body",
        "Kept paragraph.\n\n<script>steal(document.cookie)</script>\n\n"
            + "<img src=\"https://img.example/x.png\" onerror=\"steal()\">\n\n[link](javascript:steal())"
            + " <a href=\"javascript:steal()\" onclick=\"steal()\">x</a>");
    assertServedClean(input);
  }

  @Test
  void htmlBodyWithTheSameAttacksComesOutClean() {
    Map<String, Object> input = Api.article(Api.category(), "HTML attack");
    input.put("bodyFormat", "html");
    input.put(
        "body",
        "<p onclick=\"steal()\">Kept paragraph.</p><script>steal()</script>"
            + "<a href=\"JAVASCRIPT:steal()\">x</a><img src=x onerror=steal()>");
    assertServedClean(input);
  }
}
