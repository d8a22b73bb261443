package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Varnish (Debian's, with the xkey module) runs docker/varnish/default.vcl in front of the packaged
 * server, which purges it by surrogate key. Readers poll an article and its category's feed through
 * Varnish while a writer edits the article and finally unpublishes it: every edit reaches readers
 * through the cache (the time from the write's answer to the first fresh read is reported, p50 and
 * p99, in target/varnish/summary.txt), and once the unpublish has returned and its purges are
 * acknowledged, no reader gets the article or sees it in the feed.
 */
class VarnishIT {

  private static final String ADMIN = "varnish-it-admin-token";
  private static final int EDITS = 20;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * One read through Varnish: when it was answered, what it was, and whether it showed the slug.
   */
  record Read(long answeredAt, String path, int status, boolean showsArticle, String cache) {}

  @Test
  void editsReachReadersThroughVarnishAndAnUnpublishedArticleNeverComesBack() throws Exception {
    PostgresDatabase database = new PostgresDatabase();
    Map<String, String> datasource = database.start();
    int varnishPort = freePort();
    Path out = Files.createDirectories(Path.of("target", "varnish"));
    ExecutorService readers = Executors.newFixedThreadPool(4);
    AtomicBoolean reading = new AtomicBoolean(true);
    List<Read> reads = new CopyOnWriteArrayList<>();
    try (PackagedApp app =
            PackagedApp.start(
                "varnish-it",
                datasource,
                Map.of(
                    "NEWSDESK_ADMIN_TOKEN",
                    ADMIN,
                    "NEWSDESK_CDN_VARNISH_URLS",
                    "http://127.0.0.1:" + varnishPort));
        Varnish varnish = Varnish.start(varnishPort, app.baseUri(), out)) {
      PackagedApp.Published published = app.publish(ADMIN, "harbour", "Harbour cranes edition 0");
      String id = published.id();
      String slug = published.slug();
      String article = "/api/v1/articles/" + slug;
      String feed = "/api/v1/feed?category=harbour";
      for (int r = 0; r < 4; r++) {
        String path = r % 2 == 0 ? article : feed;
        readers.execute(
            () -> {
              while (reading.get()) {
                try {
                  HttpResponse<String> answer = get(varnish.uri(path));
                  reads.add(
                      new Read(
                          System.nanoTime(),
                          path,
                          answer.statusCode(),
                          answer.statusCode() == 200 && answer.body().contains(slug),
                          answer.headers().firstValue("X-Varnish-Cache").orElse("")));
                } catch (Exception e) {
                  reads.add(new Read(System.nanoTime(), path, -1, false, e.toString()));
                }
              }
            });
      }

      // every edit reaches readers through the cache
      List<Long> freshAfterMillis = new ArrayList<>();
      for (int edit = 1; edit <= EDITS; edit++) {
        String title = "Harbour cranes edition " + edit;
        HttpResponse<String> patched = app.retitle(ADMIN, id, title);
        assertEquals(200, patched.statusCode(), patched.body());
        long written = System.nanoTime();
        Awaitility.await("edit " + edit + " through Varnish")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(2))
            .until(() -> get(varnish.uri(article)).body().contains(title));
        freshAfterMillis.add((System.nanoTime() - written) / 1_000_000);
      }

      // unpublish, and wait until Varnish has acknowledged every purge (both passes)
      assertEquals(
          200,
          app.send("POST", "/api/v1/manage/articles/" + id + "/unpublish", ADMIN, null, Map.of())
              .statusCode());
      Awaitility.await("purges acknowledged")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  PostgresDatabase.count(
                          datasource.get("quarkus.datasource.jdbc.url"),
                          "select count(*) from newsdesk.cdn_purge",
                          null)
                      == 0);
      long acknowledged = System.nanoTime();
      int before = reads.size();
      Awaitility.await("readers go on after the purge")
          .atMost(Duration.ofSeconds(30))
          .until(() -> reads.size() > before + 200);
      reading.set(false);
      readers.shutdown();
      assertTrue(readers.awaitTermination(60, TimeUnit.SECONDS));

      List<Read> after = reads.stream().filter(read -> read.answeredAt() > acknowledged).toList();
      List<Read> leaked = after.stream().filter(Read::showsArticle).toList();
      List<Read> failed =
          reads.stream().filter(read -> read.status() != 200 && read.status() != 404).toList();
      long hits = reads.stream().filter(read -> read.cache().equals("HIT")).count();
      freshAfterMillis.sort(null);
      List<String> summary =
          List.of(
              "reads through Varnish: " + reads.size() + ", of them cache hits: " + hits,
              "write answered -> first fresh read through Varnish, "
                  + EDITS
                  + " edits: p50 "
                  + freshAfterMillis.get(EDITS / 2)
                  + " ms, p99 (max) "
                  + freshAfterMillis.get(EDITS - 1)
                  + " ms",
              "reads after the unpublish's purges were acknowledged: "
                  + after.size()
                  + ", showing the article: "
                  + leaked.size());
      Files.write(out.resolve("summary.txt"), summary);
      summary.forEach(line -> System.out.println("Varnish " + line));
      assertEquals(List.of(), failed, "every read through Varnish is answered");
      assertTrue(hits > 0, "Varnish served from its cache");
      assertEquals(List.of(), leaked, "nobody gets an unpublished article");
      assertTrue(
          after.stream().anyMatch(read -> read.path().equals(article) && read.status() == 404));
    } finally {
      reading.set(false);
      readers.shutdownNow();
      database.stop();
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** varnishd in the foreground on a loopback port, with the shipped VCL pointed at the server. */
  record Varnish(Process process, int port) implements AutoCloseable {

    static Varnish start(int port, String backend, Path out) throws Exception {
      return start(port, List.of(backend), out);
    }

    /**
     * The shipped VCL with its one backend replaced by {@code backends}, taken in turn (Varnish's
     * round-robin director) when there are several.
     */
    static Varnish start(int port, List<String> backends, Path out) throws Exception {
      String shipped = Files.readString(Path.of("docker/varnish/default.vcl"));
      String backend = "backend newsdesk {\n    .host = \"127.0.0.1\";\n    .port = \"8080\";\n}\n";
      assertTrue(shipped.contains(backend), "the VCL names its backend");
      StringBuilder servers = new StringBuilder();
      StringBuilder pool =
          new StringBuilder("sub vcl_init {\n    new pool = directors.round_robin();\n");
      for (int i = 0; i < backends.size(); i++) {
        URI server = URI.create(backends.get(i));
        servers.append(
            "backend newsdesk"
                + i
                + " {\n    .host = \"127.0.0.1\";\n    .port = \""
                + server.getPort()
                + "\";\n}\n");
        pool.append("    pool.add_backend(newsdesk" + i + ");\n");
      }
      pool.append("}\n\nsub vcl_recv {\n    set req.backend_hint = pool.backend();\n}\n");
      // a second vcl_recv before the shipped one runs first: VCL joins subroutines of one name
      String vcl =
          shipped
              .replace("import xkey;\n", "import xkey;\nimport directors;\n")
              .replace(backend, servers + "\n" + pool);
      Path work = Files.createTempDirectory("newsdesk-varnish");
      work.toFile().setReadable(true, false);
      work.toFile().setExecutable(true, false);
      Path file = work.resolve("newsdesk.vcl");
      Files.writeString(file, vcl);
      file.toFile().setReadable(true, false);
      Process process =
          new ProcessBuilder(
                  "varnishd",
                  "-F",
                  "-f",
                  file.toString(),
                  "-a",
                  "127.0.0.1:" + port,
                  "-n",
                  work.resolve("instance").toString(),
                  "-T",
                  "127.0.0.1:0",
                  "-s",
                  "malloc,64m")
              .redirectErrorStream(true)
              .redirectOutput(out.resolve("varnishd.log").toFile())
              .start();
      Varnish varnish = new Varnish(process, port);
      try {
        Awaitility.await("Varnish answers")
            .atMost(Duration.ofSeconds(60))
            .until(() -> !process.isAlive() || answers(varnish));
      } catch (RuntimeException e) {
        varnish.close();
        throw e;
      }
      assertTrue(process.isAlive(), "varnishd exited; see target/varnish/varnishd.log");
      return varnish;
    }

    private static boolean answers(Varnish varnish) {
      try {
        return get(varnish.uri("/q/health/ready")).statusCode() == 200;
      } catch (Exception notYet) {
        return false;
      }
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
