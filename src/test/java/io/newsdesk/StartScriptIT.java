package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * target/quarkus-app/run.sh as an operator uses it: it execs the JVM (so SIGTERM reaches it), the
 * first start of a build records a class cache, the next checks it and then every start maps it,
 * and a cache cut short (a start killed while writing it) is recorded again instead of crashing the
 * JVM (Java 17 aborts on a truncated archive).
 */
class StartScriptIT {

  private static final boolean AOT = Runtime.version().feature() >= 25;
  private static final String SUFFIX = AOT ? ".aot" : ".jsa";
  private static final String USE = AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
  private static final String RECORD = AOT ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";

  /** Makes the JVM refuse to start when it cannot map the cache it is given. */
  private static final String STRICT = AOT ? "-XX:AOTMode=on" : "-Xshare:on";

  private static final PostgresDatabase database = new PostgresDatabase();

  @AfterAll
  static void dropDatabase() {
    database.stop(); // it was left behind, one per CI run
  }

  @Test
  void theFirstStartRecordsTheCacheThatLaterStartsMapAndABrokenOneIsRecordedAgain()
      throws Exception {
    Path dir = Files.createTempDirectory("class-cache");
    Map<String, String> datasource = database.start();
    Map<String, String> settings =
        new HashMap<>(Map.of("NEWSDESK_CLASS_CACHE_DIR", dir.toString()));

    List<String> first = startAndStop("start-script-first", datasource, settings);
    assertTrue(first.get(0).endsWith("/bin/java"), "run.sh execs the JVM: " + first);
    assertTrue(first.stream().anyMatch(arg -> arg.startsWith(RECORD)), "the first start records");
    Path written = only(dir, SUFFIX + ".written");

    settings.put("JDK_JAVA_OPTIONS", STRICT); // beside run.sh's own JAVA_OPTS
    List<String> second = startAndStop("start-script-second", datasource, settings);
    Path cache = only(dir, SUFFIX);
    assertEquals(written.toString(), cache + ".written");
    assertTrue(second.contains(USE + cache), "the second start maps the cache: " + second);
    List<String> third = startAndStop("start-script-third", datasource, settings);
    assertTrue(third.contains(USE + cache), "so does every later one: " + third);

    // what a start killed while the JVM wrote the cache leaves behind
    byte[] whole = Files.readAllBytes(cache);
    Files.delete(cache);
    Files.write(written, java.util.Arrays.copyOf(whole, whole.length / 2));
    settings.remove("JDK_JAVA_OPTIONS");
    List<String> again = startAndStop("start-script-again", datasource, settings);
    assertTrue(
        again.stream().anyMatch(arg -> arg.startsWith(RECORD)),
        "a cache cut short is dropped and recorded again: " + again);
    assertFalse(Files.exists(cache));
    assertTrue(Files.size(only(dir, SUFFIX + ".written")) > whole.length / 2);
  }

  /** Starts run.sh until ready, then stops it with SIGTERM; the JVM's command line. */
  private static List<String> startAndStop(
      String name, Map<String, String> datasource, Map<String, String> settings) throws Exception {
    try (PackagedApp app = PackagedApp.start(name, datasource, settings)) {
      List<String> line = app.commandLine();
      app.terminate();
      assertTrue(app.awaitExit(Duration.ofMinutes(3)), name + " stops (writing a cache included)");
      return line;
    }
  }

  /** The one file of {@code dir} whose name ends with {@code suffix}. */
  private static Path only(Path dir, String suffix) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
      assertEquals(1, found.size(), "files ending " + suffix + " in " + dir + ": " + found);
      return found.get(0);
    }
  }
}
