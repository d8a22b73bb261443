package io.newsdesk;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every management write is in the audit log, for admins to read. */
@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class AuditTest {

  @Test
  void writesAreRecordedWithActorEntityAndAddress() {
    String category = Api.category();
    String id = Api.draft(category, "Audited story");
    Api.replace(id, Api.article(category, "Audited story, edited")).then().statusCode(200);
    Api.as(Api.ADMIN)
        .queryParam("entityType", "article")
        .queryParam("entityId", id)
        .get("/api/v1/manage/audit")
        .then()
        .statusCode(200)
        .body("page.totalItems", equalTo(2))
        .body("items[0].method", equalTo("PUT"))
        .body("items[0].actor", equalTo("test editor"))
        .body("items[0].role", equalTo("editor"))
        .body("items[0].status", equalTo(200))
        .body("items[0].address", notNullValue())
        .body("items[1].method", equalTo("POST"))
        .body("items[1].entityId", equalTo(id));
    Api.as(Api.ADMIN)
        .queryParam("entityType", "category")
        .queryParam("entityId", category)
        .get("/api/v1/manage/audit")
        .then()
        .body("items[0].method", equalTo("POST"))
        .body("items[0].path", equalTo("/api/v1/manage/categories"));
  }

  @Test
  void assetUploadsDescriptionsAndDeletionsAreRecorded() {
    String asset =
        Api.as(Api.token("editor"))
            .contentType("image/png")
            .body(TestImages.png(40, 30))
            .post("/api/v1/manage/assets")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.as(Api.token("editor"))
        .contentType("application/merge-patch+json")
        .body(java.util.Map.of("alt", "A test card"))
        .patch("/api/v1/manage/assets/" + asset)
        .then()
        .statusCode(200);
    Api.as(Api.ADMIN).delete("/api/v1/manage/assets/" + asset).then().statusCode(204);
    Api.as(Api.ADMIN)
        .queryParam("entityType", "asset")
        .queryParam("entityId", asset)
        .get("/api/v1/manage/audit")
        .then()
        .statusCode(200)
        .body("items.method", equalTo(java.util.List.of("DELETE", "PATCH", "POST")))
        .body(
            "items.actor",
            equalTo(
                java.util.List.of(
                    "bootstrap admin (NEWSDESK_ADMIN_TOKEN)", "test editor", "test editor")));
  }

  @Test
  void failedWritesAndReadsAreNotWrites() {
    String category = Api.category();
    Api.create(Api.token("editor"), Api.article(category, "")).then().statusCode(400);
    Api.as(Api.token("editor")).get("/api/v1/manage/articles").then().statusCode(200);
    Api.as(Api.ADMIN)
        .queryParam("actor", "test editor")
        .queryParam("entityType", "article")
        .get("/api/v1/manage/audit")
        .then()
        .statusCode(200)
        .body("items.status", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.lessThan(400)))
        .body("items.method", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("GET")));
  }

  @Test
  void onlyAdminsReadIt() {
    Api.as(Api.token("editor")).get("/api/v1/manage/audit").then().statusCode(403);
    io.restassured.RestAssured.given().get("/api/v1/manage/audit").then().statusCode(401);
  }
}
