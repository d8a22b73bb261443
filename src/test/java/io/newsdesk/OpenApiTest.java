package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@QuarkusTest
@WithTestResource(value = PostgresDatabase.class, scope = TestResourceScope.GLOBAL)
class OpenApiTest {

  @Test
  @SuppressWarnings("unchecked")
  void everyOperationIsDocumentedForClientsAndGenerators() {
    JsonPath doc =
        given()
            .accept("application/json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    List<Executable> checks = new ArrayList<>();
    Set<String> operationIds = new HashSet<>();
    int operations = 0;
    for (var path : paths.entrySet()) {
      for (var method : path.getValue().entrySet()) {
        if (!(method.getValue() instanceof Map)) {
          continue;
        }
        operations++;
        Map<String, Object> op = (Map<String, Object>) method.getValue();
        String where = method.getKey().toUpperCase() + " " + path.getKey();
        String id = (String) op.get("operationId");
        Map<String, Object> responses = (Map<String, Object>) op.get("responses");
        checks.add(() -> assertNotNull(id, where + ": operationId"));
        checks.add(
            () ->
                assertTrue(
                    operationIds.add(String.valueOf(id)), where + ": unique operationId " + id));
        checks.add(() -> assertNotNull(op.get("summary"), where + ": summary"));
        checks.add(() -> assertNotNull(op.get("description"), where + ": description"));
        checks.add(
            () ->
                assertTrue(
                    responses.keySet().stream().anyMatch(s -> s.startsWith("2")),
                    where + ": a 2xx"));
        checks.add(
            () ->
                assertTrue(
                    responses.keySet().stream().anyMatch(s -> s.startsWith("4")),
                    where + ": errors"));
        if (path.getKey().startsWith("/api/v1/manage")) {
          // Bearer, with the least role as the requirement's role list (OpenAPI 3.1 allows roles
          // there).
          List<Map<String, List<String>>> security =
              (List<Map<String, List<String>>>) op.get("security");
          checks.add(
              () ->
                  assertEquals(
                      1, security.get(0).get("bearer").size(), where + ": bearer, one role"));
          checks.add(
              () ->
                  assertTrue(
                      responses.containsKey("401") && responses.containsKey("403"),
                      where + ": 401/403"));
        } else {
          checks.add(
              () ->
                  assertEquals(List.of(), op.get("security"), where + ": anonymous, and says so"));
        }
      }
    }
    assertTrue(operations >= 17, "operations found: " + operations);
    assertAll(checks);
    assertEquals("bearer", doc.getString("components.securitySchemes.bearer.scheme"));
    assertEquals("/", doc.getString("servers[0].url"));
    // conditional GETs take their validators as documented parameters
    assertEquals(
        List.of("If-None-Match", "If-Modified-Since"),
        doc.getList("paths.'/api/v1/feed'.get.parameters.findAll { it.in == 'header' }.name"));
    // PATCH is a merge patch: nothing required, clearable members nullable, no defaults
    assertEquals(
        "#/components/schemas/ArticlePatch",
        doc.getString(
            "paths.'/api/v1/manage/articles/{id}'.patch.requestBody.content"
                + ".'application/merge-patch+json'.schema.$ref"));
    assertNull(doc.get("components.schemas.ArticlePatch.required"));
    assertEquals(
        "null", doc.getString("components.schemas.ArticlePatch.properties.subtitle.anyOf[1].type"));
    assertNull(doc.get("components.schemas.ArticlePatch.properties.bodyFormat.anyOf[0].default"));
    assertNull(doc.get("components.schemas.ArticlePatch.properties.title.anyOf"));
    assertEquals(
        io.newsdesk.webhook.Events.ALL,
        doc.getList("components.schemas.WebhookInput.properties.events.items.enum"));
    // the shared problem examples are whole problems: a comma in a flow-style YAML value once cut
    // one short and made the rest a key of its own
    Map<String, Map<String, Object>> shared = doc.getMap("components.responses");
    for (var response : shared.entrySet()) {
      Map<String, Object> example =
          doc.getMap(
              "components.responses.'"
                  + response.getKey()
                  + "'.content.'application/problem+json'.example");
      if (example != null) {
        assertTrue(
            Set.of("type", "title", "status", "detail", "instance", "errors")
                .containsAll(example.keySet()),
            response.getKey() + ": " + example.keySet());
        assertTrue(example.containsKey("detail"), response.getKey());
      }
    }
    assertEquals(
        1,
        doc.getInt(
            "paths.'/api/v1/feed'.get.parameters.find { it.name == 'limit' }.schema.minimum"));
    assertEquals(
        100,
        doc.getInt(
            "paths.'/api/v1/feed'.get.parameters.find { it.name == 'limit' }.schema.maximum"));
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
