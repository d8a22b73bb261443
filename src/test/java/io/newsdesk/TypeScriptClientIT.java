package io.newsdesk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript client that the build generated from the OpenAPI document (typescript-fetch, in
 * target/typescript-client) is built with {@code tsc --strict} into the npm-ready folder frontend
 * teams install, and src/it/typescript/tour.ts, compiled strictly against that package as an npm
 * dependency, runs against the packaged server with the demo content: categories, the whole feed,
 * every article, then create, patch with a clearing null, a stale edit, publish and import. What
 * the script saw is checked here against what the server says through other routes.
 */
class TypeScriptClientIT {

  private static final String TYPESCRIPT = "5.9.3";
  private static final String NODE_TYPES = "22.20.7";
  private static final String ADMIN = "typescript-it-admin-token";
  private static final Path CLIENT = Path.of("target", "typescript-client").toAbsolutePath();
  private static final Path WORK = Path.of("target", "typescript-it").toAbsolutePath();

  @Test
  void theGeneratedClientCompilesStrictlyAndDrivesTheServer() throws Exception {
    Files.createDirectories(WORK.resolve("src"));
    Files.writeString(
        WORK.resolve("package.json"),
        """
        {
          "private": true,
          "dependencies": { "@newsdesk/client": "file:%s" },
          "devDependencies": { "typescript": "%s", "@types/node": "%s" }
        }
        """
            .formatted(CLIENT, TYPESCRIPT, NODE_TYPES));
    Files.writeString(
        WORK.resolve("tsconfig.json"),
        """
        {
          "compilerOptions": {
            "strict": true,
            "target": "es2022",
            "module": "commonjs",
            "moduleResolution": "node10",
            "lib": ["es2022", "dom"],
            "types": ["node"],
            "rootDir": "src",
            "outDir": "dist"
          }
        }
        """);
    Files.copy(
        Path.of("src/it/typescript/tour.ts"),
        WORK.resolve("src/tour.ts"),
        StandardCopyOption.REPLACE_EXISTING);
    run(WORK, "npm-install", Map.of(), "npm", "install", "--no-audit", "--no-fund");
    String tsc = WORK.resolve("node_modules/.bin/tsc").toString();
    // the package's own build: CommonJS and ES modules with declarations, strict
    run(CLIENT, "client-build", Map.of(), tsc, "--strict", "-p", "tsconfig.json");
    run(CLIENT, "client-build-esm", Map.of(), tsc, "--strict", "-p", "tsconfig.esm.json");
    assertTrue(Files.exists(CLIENT.resolve("dist/index.d.ts")), "the package has its types");
    assertTrue(Files.exists(CLIENT.resolve("dist/esm/index.js")), "and its ES modules");
    run(WORK, "tour-compile", Map.of(), tsc, "-p", "tsconfig.json");

    PostgresDatabase database = new PostgresDatabase();
    try (PackagedApp app =
        PackagedApp.start(
            "typescript-it",
            database.start(),
            Map.of("NEWSDESK_DEMO_ENABLED", "true", "NEWSDESK_ADMIN_TOKEN", ADMIN))) {
      ObjectMapper json = new ObjectMapper();
      JsonNode published =
          json.readTree(
              app.send(
                      "GET",
                      "/api/v1/manage/articles?status=published&page=1&limit=100",
                      ADMIN,
                      null,
                      Map.of())
                  .body());
      JsonNode categories =
          json.readTree(
              given().baseUri(app.baseUri()).get("/api/v1/categories?limit=100").asString());

      String output =
          run(
              WORK,
              "tour",
              Map.of("NEWSDESK_URL", app.baseUri(), "NEWSDESK_TOKEN", ADMIN),
              "node",
              "dist/tour.js");
      JsonNode tour = json.readTree(output);

      assertEquals(slugs(categories.get("items")), texts(tour.get("categories")));
      List<String> feed = texts(tour.get("feed"));
      assertEquals(published.get("page").get("totalItems").asInt(), feed.size());
      assertEquals(new HashSet<>(slugs(published.get("items"))), new HashSet<>(feed));
      assertEquals(feed.size(), new HashSet<>(feed).size(), "no teaser twice across pages");
      assertEquals(feed.size(), tour.get("read").asInt());

      JsonNode created = tour.get("created");
      assertEquals("Harbour ferry timetable changed", created.get("title").asText());
      assertTrue(created.get("subtitle").isNull(), "the null in the patch cleared the subtitle");
      assertEquals(412, created.get("staleEditStatus").asInt(), "a stale If-Match is refused");
      JsonNode reader =
          json.readTree(
              given()
                  .baseUri(app.baseUri())
                  .get("/api/v1/articles/" + created.get("slug").asText())
                  .asString());
      assertEquals(created.get("id").asText(), reader.get("id").asText());
      assertFalse(reader.has("subtitle"));

      JsonNode first = tour.get("firstImport");
      JsonNode second = tour.get("secondImport");
      assertEquals(2, first.size());
      assertEquals("created", first.get(0).get("result").asText());
      assertEquals(201, first.get(0).get("status").asInt());
      assertEquals("failed", first.get(1).get("result").asText());
      assertEquals(400, first.get(1).get("status").asInt());
      assertEquals("unchanged", second.get(0).get("result").asText(), "a re-run changes nothing");
      assertEquals(first.get(0).get("id"), second.get(0).get("id"));
      JsonNode imported =
          json.readTree(
              app.send(
                      "GET",
                      "/api/v1/manage/articles/" + first.get(0).get("id").asText(),
                      ADMIN,
                      null,
                      Map.of())
                  .body());
      assertEquals("wire-ferry-1", imported.get("externalId").asText());
    } finally {
      database.stop();
    }
  }

  private static List<String> slugs(JsonNode items) {
    List<String> slugs = new ArrayList<>();
    items.forEach(item -> slugs.add(item.get("slug").asText()));
    return slugs;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  /**
   * Runs a command in {@code directory}; its output is kept in target/typescript-it/{name}.log.
   * Fails unless it exits 0 within ten minutes (a liveness bound, not a timing). Returns standard
   * output.
   */
  private static String run(Path directory, String name, Map<String, String> env, String... command)
      throws Exception {
    File out = WORK.resolve(name + ".out").toFile();
    File log = WORK.resolve(name + ".log").toFile();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectOutput(out)
            .redirectError(log);
    builder.environment().putAll(env);
    Process process = builder.start();
    boolean ended = process.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    assertTrue(ended, name + " did not finish; see " + log);
    assertEquals(
        0,
        process.exitValue(),
        name + " failed: " + Files.readString(out.toPath()) + Files.readString(log.toPath()));
    return Files.readString(out.toPath());
  }
}
