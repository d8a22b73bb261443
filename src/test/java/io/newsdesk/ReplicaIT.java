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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The scale-out topology on this machine: a primary and a streaming replica made here (the replica
 * applies each commit 150 ms late, so reading it too early would show), one packaged instance on
 * the primary alone and one reading delivery from the replica, and Varnish in front of both, taking
 * them in turn. A writer edits an article through the replica-reading instance, which must show
 * each edit on its very next read (it waits for the replica to replay the edit); readers poll the
 * article and its feed through Varnish and from that instance directly, and once an edit's purges
 * are acknowledged nobody reads an older edition: no entry was refilled from a replica that had not
 * replayed the edit yet. Mid-run the replica is stopped and started again, and later drops the
 * instance's connections: no read fails, reads go to the primary meanwhile, and to the replica
 * again once it is back. Finally the article is unpublished and never seen again. Timings go to
 * target/replica/summary.txt.
 */
class ReplicaIT {

  private static final String ADMIN = "replica-it-admin-token";
  private static final String METRICS = "replica-it-metrics-token";
  private static final int EDITS = 24;
  private static final Pattern EDITION = Pattern.compile("Harbour cranes edition (\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** One read: when it was answered, where, its status, and the edition it showed (-1: none). */
  record Read(long answeredAt, String where, int status, int edition) {}

  @Test
  void replicaReadsNeverRefillStaleAndSurviveTheReplicaStopping() throws Exception {
    Path out = Files.createDirectories(Path.of("target", "replica"));
    ExecutorService readers = Executors.newFixedThreadPool(5);
    AtomicBoolean reading = new AtomicBoolean(true);
    List<Read> reads = new CopyOnWriteArrayList<>();
    int varnishPort = freePort();
    Map<String, String> settings =
        Map.of(
            "NEWSDESK_ADMIN_TOKEN",
            ADMIN,
            "NEWSDESK_METRICS_TOKEN",
            METRICS,
            "NEWSDESK_CDN_VARNISH_URLS",
            "http://127.0.0.1:" + varnishPort,
            "NEWSDESK_CDN_REPURGE_AFTER",
            "300ms");
    try (LocalCluster primary = LocalCluster.create();
        LocalCluster replica =
            LocalCluster.replicaOf(primary, Map.of("recovery_min_apply_delay", "'150ms'"))) {
      Map<String, String> onReplica = new HashMap<>(settings);
      onReplica.put("NEWSDESK_REPLICA_JDBC_URL", replica.jdbcUrl());
      onReplica.put("NEWSDESK_REPLICA_MAX_WAIT", "3s");
      try (PackagedApp plain =
              PackagedApp.start("replica-it-primary", primary.datasource(), settings);
          PackagedApp app =
              PackagedApp.start("replica-it-replica", primary.datasource(), onReplica);
          VarnishIT.Varnish varnish =
              VarnishIT.Varnish.start(varnishPort, List.of(plain.baseUri(), app.baseUri()), out)) {
        Awaitility.await("the replica is in use")
            .atMost(Duration.ofSeconds(30))
            .until(() -> metric(app, "newsdesk_replica_usable") == 1);
        PackagedApp.Published published = app.publish(ADMIN, "harbour", "Harbour cranes edition 0");
        String id = published.id();
        String slug = published.slug();
        String article = "/api/v1/articles/" + slug;
        String feed = "/api/v1/feed?category=harbour";
        List<URI> polled =
            List.of(
                varnish.uri(article),
                varnish.uri(feed),
                varnish.uri(article),
                URI.create(app.baseUri() + feed),
                URI.create(app.baseUri() + article));
        for (URI uri : polled) {
          readers.execute(
              () -> {
                while (reading.get()) {
                  reads.add(read(uri));
                }
              });
        }

        List<Long> freshAfterMillis = new ArrayList<>();
        List<String> notReadBack = new ArrayList<>();
        long[] acknowledged = new long[EDITS + 1];
        double replicaReadsWhenStopped = 0;
        double primaryReadsWhenStopped = 0;
        for (int edit = 1; edit <= EDITS; edit++) {
          if (edit == EDITS / 3) {
            replica.stop();
            replicaReadsWhenStopped = reads(app, "replica");
            primaryReadsWhenStopped = reads(app, "primary");
          }
          if (edit == 2 * EDITS / 3) {
            assertTrue(
                reads(app, "primary") > primaryReadsWhenStopped,
                "reads went to the primary while the replica was down");
            assertEquals(
                200,
                app.send("GET", "/q/health/ready", ADMIN, null, Map.of()).statusCode(),
                "ready without its replica");
            replica.start();
            Awaitility.await("the replica is used again")
                .atMost(Duration.ofSeconds(60))
                .until(() -> metric(app, "newsdesk_replica_usable") == 1);
          }
          HttpResponse<String> patched = app.retitle(ADMIN, id, "Harbour cranes edition " + edit);
          assertEquals(200, patched.statusCode(), patched.body());
          long written = System.nanoTime();
          int expected = edit;
          // the writer's next read, from the instance that reads the replica, shows its write
          Read own = read(URI.create(app.baseUri() + article));
          if (own.edition() != edit) {
            notReadBack.add("edit " + edit + " read back as " + own);
          }
          Awaitility.await(
                  "edit " + edit + " through Varnish (an entry refilled stale would keep it away)")
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(2))
              .until(() -> read(varnish.uri(article)).edition() == expected);
          freshAfterMillis.add((System.nanoTime() - written) / 1_000_000);
          awaitPurges(primary);
          acknowledged[edit] = System.nanoTime();
        }
        assertTrue(
            reads(app, "replica") > replicaReadsWhenStopped,
            "reads went to the replica again after it came back");

        // the replica drops the instance's connections (a restart or failover would): reads
        // that meet a dead connection are read again from the primary
        PostgresDatabase.count(
            replica.jdbcUrl(),
            "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = 'newsdesk-replica-reads'",
            null);
        for (int limit = 1; limit <= 20; limit++) { // each a URI of its own: each a miss
          Read uncached = read(URI.create(app.baseUri() + feed + "&limit=" + limit));
          assertEquals(200, uncached.status(), "a read after the replica dropped its connections");
        }

        assertEquals(
            200,
            app.send("POST", "/api/v1/manage/articles/" + id + "/unpublish", ADMIN, null, Map.of())
                .statusCode());
        awaitPurges(primary);
        long unpublished = System.nanoTime();
        int before = reads.size();
        Awaitility.await("readers go on after the unpublish")
            .atMost(Duration.ofSeconds(30))
            .until(() -> reads.size() > before + 250);
        reading.set(false);
        readers.shutdown();
        assertTrue(readers.awaitTermination(60, TimeUnit.SECONDS));

        List<Read> failed =
            reads.stream().filter(r -> r.status() != 200 && r.status() != 404).toList();
        List<Read> stale = new ArrayList<>();
        for (Read r : reads) {
          int newest = 0;
          for (int edit = 1; edit <= EDITS; edit++) {
            if (acknowledged[edit] != 0 && r.answeredAt() > acknowledged[edit]) {
              newest = edit;
            }
          }
          boolean gone = r.answeredAt() > unpublished;
          if ((gone && r.edition() >= 0) || (!gone && r.edition() >= 0 && r.edition() < newest)) {
            stale.add(r);
          }
        }
        freshAfterMillis.sort(null);
        List<String> summary =
            List.of(
                "reads: "
                    + reads.size()
                    + " (failed "
                    + failed.size()
                    + ", stale "
                    + stale.size()
                    + "); delivery reads of the replica-reading instance: "
                    + (long) reads(app, "replica")
                    + " on the replica, "
                    + (long) reads(app, "primary")
                    + " on the primary",
                "write answered -> first fresh read through Varnish, "
                    + EDITS
                    + " edits (replica applying 150 ms late, stopped for a third of them): p50 "
                    + freshAfterMillis.get(EDITS / 2)
                    + " ms, p99 (max) "
                    + freshAfterMillis.get(EDITS - 1)
                    + " ms");
        Files.write(out.resolve("summary.txt"), summary);
        summary.forEach(line -> System.out.println("Replica " + line));
        assertEquals(List.of(), notReadBack, "the writer reads its own write");
        assertEquals(List.of(), failed, "no read fails, even with the replica down");
        assertEquals(List.of(), stale, "no read shows an edition older than an acknowledged one");
        assertTrue(reads(app, "replica") > 0, "the replica served reads");
      } finally {
        reading.set(false);
        readers.shutdownNow();
      }
    }
  }

  private static int editOf(String title) {
    Matcher matcher = EDITION.matcher(title);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static Read read(URI uri) {
    try {
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Read(
          System.nanoTime(),
          uri.toString(),
          answer.statusCode(),
          answer.statusCode() == 200 ? editOf(answer.body()) : -1);
    } catch (Exception e) {
      return new Read(System.nanoTime(), uri + " " + e, -1, -1);
    }
  }

  /** Waits until the CDN has acknowledged every purge, both passes. */
  private static void awaitPurges(LocalCluster primary) {
    Awaitility.await("purges acknowledged")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () ->
                PostgresDatabase.count(
                        primary.jdbcUrl(), "select count(*) from newsdesk.cdn_purge", null)
                    == 0);
  }

  private static double reads(PackagedApp app, String source) throws Exception {
    return metric(app, "newsdesk_replica_reads_total{source=\"" + source + "\"}");
  }

  private static double metric(PackagedApp app, String name) throws Exception {
    for (String line : app.send("GET", "/q/metrics", METRICS, null, Map.of()).body().split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    return -1;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
