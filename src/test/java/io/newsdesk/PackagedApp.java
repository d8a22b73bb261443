package io.newsdesk;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The packaged application started as in production, by target/quarkus-app/run.sh (path given by
 * failsafe as {@code newsdesk.run}) on the JVM running the tests, as a process of its own on a free
 * loopback port, for integration tests that need the real thing or more than one instance of it.
 * The instances share a class cache in target/class-cache unless a setting names another.
 */
final class PackagedApp implements AutoCloseable {

  private final Process process;
  private final String baseUri;

  private PackagedApp(Process process, String baseUri) {
    this.process = process;
    this.baseUri = baseUri;
  }

  /**
   * Starts an instance on the database {@code datasource} names and waits until it is ready. A
   * {@code {port}} in a setting's value becomes the instance's port (for its base URL).
   */
  static PackagedApp start(
      String name, Map<String, String> datasource, Map<String, String> settings) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder(System.getProperty("newsdesk.run"))
            .redirectErrorStream(true)
            .redirectOutput(new File("target/" + name + ".log"));
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put(
        "NEWSDESK_CLASS_CACHE_DIR", Path.of("target", "class-cache").toAbsolutePath().toString());
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
    env.put("QUARKUS_DATASOURCE_JDBC_URL", datasource.get("quarkus.datasource.jdbc.url"));
    env.put("QUARKUS_DATASOURCE_USERNAME", datasource.get("quarkus.datasource.username"));
    env.put("QUARKUS_DATASOURCE_PASSWORD", datasource.get("quarkus.datasource.password"));
    settings.forEach((key, value) -> env.put(key, value.replace("{port}", String.valueOf(port))));
    PackagedApp app = new PackagedApp(builder.start(), "http://127.0.0.1:" + port);
    try {
      org.awaitility.Awaitility.await("instance " + name + " is ready")
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> app.ready() || !app.process.isAlive());
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      app.close();
      throw new IllegalStateException("Instance " + name + " did not become ready; see its log");
    }
    if (!app.process.isAlive()) {
      app.close();
      throw new IllegalStateException("Instance " + name + " exited at start; see its log");
    }
    return app;
  }

  private boolean ready() {
    try {
      return given().baseUri(baseUri).get("/q/health/ready").statusCode() == 200;
    } catch (Exception notYet) {
      return false; // not listening yet
    }
  }

  String baseUri() {
    return baseUri;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final java.net.http.HttpClient HTTP =
      java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();

  /**
   * Sends a request exactly as given (no REST Assured encoding or response checks): {@code token}
   * as a bearer token, {@code body} (JSON unless {@code headers} name another Content-Type). Thirty
   * seconds without an answer fail it: a liveness bound, not a timing.
   */
  java.net.http.HttpResponse<String> send(
      String method, String pathAndQuery, String token, String body, Map<String, String> headers)
      throws Exception {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUri + pathAndQuery))
            .timeout(java.time.Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    request.method(
        method,
        body == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(
                body, java.nio.charset.StandardCharsets.UTF_8));
    return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** An article published in a new category {@code category}, as an editor with {@code token}. */
  record Published(String id, String slug) {}

  Published publish(String token, String category, String title) throws Exception {
    java.net.http.HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/manage/categories",
            token,
            "{\"slug\":\"" + category + "\",\"name\":\"" + category + "\"}",
            Map.of());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("category not created: " + created.body());
    }
    String id =
        JSON.readTree(
                send(
                        "POST",
                        "/api/v1/manage/articles",
                        token,
                        JSON.writeValueAsString(
                            Map.of("title", title, "category", category, "body", "The story.")),
                        Map.of())
                    .body())
            .get("id")
            .asText();
    String slug =
        JSON.readTree(
                send("POST", "/api/v1/manage/articles/" + id + "/publish", token, null, Map.of())
                    .body())
            .get("slug")
            .asText();
    return new Published(id, slug);
  }

  /** Gives article {@code id} a new title, under its current ETag; the answer. */
  java.net.http.HttpResponse<String> retitle(String token, String id, String title)
      throws Exception {
    String version =
        send("GET", "/api/v1/manage/articles/" + id, token, null, Map.of())
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    return send(
        "PATCH",
        "/api/v1/manage/articles/" + id,
        token,
        JSON.writeValueAsString(Map.of("title", title)),
        Map.of("Content-Type", "application/merge-patch+json", "If-Match", version));
  }

  /** The program the process runs (run.sh execs java, so: the JVM) and its arguments. */
  java.util.List<String> commandLine() {
    java.util.List<String> line = new java.util.ArrayList<>();
    line.add(process.info().command().orElseThrow());
    line.addAll(java.util.List.of(process.info().arguments().orElseThrow()));
    return line;
  }

  /** Sends SIGTERM, as an orchestrator does, without waiting for the process to end. */
  void terminate() {
    process.destroy();
  }

  /** Waits up to {@code limit} for the process to end; whether it did. */
  boolean awaitExit(java.time.Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  int exitCode() {
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
