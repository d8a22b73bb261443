package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Articles carry schema.org NewsArticle JSON-LD with every property Google's article structured
 * data documentation requires or recommends (headline, image at three aspect ratios, dates, authors
 * as Person with url) and the publisher and main entity the issue asks for.
 */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class StructuredDataTest {

  @Test
  void aPublishedArticleIsANewsArticleWithEverythingGoogleAsksFor() {
    String asset = AssetTest.upload(TestImages.jpeg(1600, 1200), "image/jpeg").path("id");
    String writer = Api.unique("writer");
    Api.as(Api.token("editor"))
        .contentType(ContentType.JSON)
        .body(Map.of("slug", writer, "name", "Gil Moura"))
        .post("/api/v1/manage/authors")
        .then()
        .statusCode(201);
    Map<String, Object> body = Api.article(Api.category(), "Lighthouse relit after forty years");
    body.put("subtitle", "Volunteers restored the lamp over two winters");
    body.put("image", Map.of("asset", asset));
    body.put("authors", List.of(writer));
    body.put("tags", List.of("lighthouses"));
    String id = Api.create(Api.token("editor"), body).then().statusCode(201).extract().path("id");
    String slug = Api.publish(id, null).then().statusCode(200).extract().path("slug");
    String url = given().get("/api/v1/articles/" + slug).path("url");

    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .statusCode(200)
        .body("structuredData.'@context'", equalTo("https://schema.org"))
        .body("structuredData.'@type'", equalTo("NewsArticle"))
        .body("structuredData.headline", equalTo("Lighthouse relit after forty years"))
        .body(
            "structuredData.description", equalTo("Volunteers restored the lamp over two winters"))
        .body("structuredData.image", hasSize(3))
        .body("structuredData.image[0]", allOf(containsString(asset), containsString("/16x9-")))
        .body("structuredData.image[1]", containsString("/4x3-"))
        .body("structuredData.image[2]", allOf(containsString("/1x1-"), endsWith(".jpg")))
        .body("structuredData.datePublished", notNullValue())
        .body("structuredData.dateModified", notNullValue())
        .body("structuredData.author[0].'@type'", equalTo("Person"))
        .body("structuredData.author[0].name", equalTo("Gil Moura"))
        .body("structuredData.author[0].url", equalTo("http://localhost:8080/authors/" + writer))
        .body("structuredData.publisher.'@type'", equalTo("NewsMediaOrganization"))
        .body("structuredData.publisher.name", notNullValue())
        .body("structuredData.mainEntityOfPage.'@id'", equalTo(url))
        .body("structuredData.keywords", equalTo(List.of("lighthouses")));
  }

  @Test
  void wireCopyCreditsItsBylineAndAnExternalPicture() {
    Map<String, Object> body = Api.article(Api.category(), "Wire: grain prices steady");
    body.put("byline", List.of("Agency Staff"));
    body.put("image", Map.of("url", "https://images.example/grain.jpg", "alt", "Grain"));
    String id = Api.create(Api.token("editor"), body).then().statusCode(201).extract().path("id");
    String slug = Api.publish(id, null).then().statusCode(200).extract().path("slug");
    given()
        .get("/api/v1/articles/" + slug)
        .then()
        .body("structuredData.author[0].name", equalTo("Agency Staff"))
        .body("structuredData.author[0].url", equalTo(null))
        .body("structuredData.image", equalTo(List.of("https://images.example/grain.jpg")));
  }
}
