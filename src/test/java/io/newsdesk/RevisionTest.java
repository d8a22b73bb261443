package io.newsdesk;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Every save is a revision; any revision can be brought back. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class RevisionTest {

  private static String etag(String id) {
    return Api.as(Api.token("editor")).get("/api/v1/manage/articles/" + id).header("ETag");
  }

  @Test
  void editPublishEditRestoreIsAHistoryOfFiveSaves() {
    String category = Api.category();
    String id = Api.draft(category, "Library opens late on Fridays");
    Api.replace(id, Api.article(category, "Library opens late on Fridays and Saturdays"))
        .then()
        .statusCode(200);
    Api.publish(id, null).then().statusCode(200);
    Api.replace(id, Api.article(category, "Library hours change again")).then().statusCode(200);

    Api.as(Api.token("editor"))
        .header("If-Match", etag(id))
        .post("/api/v1/manage/articles/" + id + "/revisions/2/restore")
        .then()
        .statusCode(200)
        .body("title", equalTo("Library opens late on Fridays and Saturdays"))
        .body("status", equalTo("published"));

    Api.as(Api.token("editor"))
        .get("/api/v1/manage/articles/" + id + "/revisions")
        .then()
        .statusCode(200)
        .body("items.number", contains(5, 4, 3, 2, 1))
        .body("items.action", contains("restored", "updated", "published", "updated", "created"))
        .body("items[0].actor.name", equalTo("test editor"))
        .body("items[0].actor.role", equalTo("editor"))
        .body("page.totalItems", equalTo(5));
    Api.as(Api.token("editor"))
        .get("/api/v1/manage/articles/" + id + "/revisions/4")
        .then()
        .statusCode(200)
        .body("article.title", equalTo("Library hours change again"))
        .body("article.status", equalTo("published"));
    // readers see the restored content at once
    io.restassured.RestAssured.given()
        .get("/api/v1/articles/" + Api.slug(id))
        .then()
        .body("title", equalTo("Library opens late on Fridays and Saturdays"));
  }

  @Test
  void restoreNeedsTheCurrentETag() {
    String category = Api.category();
    String id = Api.draft(category, "Swimming pool reopens");
    String stale = etag(id);
    Api.replace(id, Api.article(category, "Swimming pool reopens in spring"))
        .then()
        .statusCode(200);
    String path = "/api/v1/manage/articles/" + id + "/revisions/1/restore";
    Api.as(Api.token("editor"))
        .header("If-Match", stale)
        .post(path)
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .header("ETag", etag(id));
    Api.as(Api.token("editor")).post(path).then().statusCode(428);
    Api.as(Api.token("editor"))
        .header("If-Match", etag(id))
        .post("/api/v1/manage/articles/" + id + "/revisions/99/restore")
        .then()
        .statusCode(404);
  }

  @Test
  void toAContributorSomeoneElsesArticleAndItsHistoryAreUnknown() {
    String category = Api.category();
    String id = Api.draft(category, "Editor's own story");
    Api.as(Api.token("contributor"))
        .header("If-Match", etag(id))
        .contentType(ContentType.JSON)
        .post("/api/v1/manage/articles/" + id + "/revisions/1/restore")
        .then()
        .statusCode(404);
    Api.as(Api.token("contributor"))
        .get("/api/v1/manage/articles/" + id + "/revisions")
        .then()
        .statusCode(404);
  }
}
