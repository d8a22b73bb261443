package io.newsdesk;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, on a spare loopback port, so the test can stop and restart
 * it under traffic without touching the machine's server. Uses the server binaries of the machine's
 * PostgreSQL (Debian puts them in /usr/lib/postgresql/N/bin, or set {@code NEWSDESK_PG_BIN}).
 * PostgreSQL refuses to run as root, so as root every command runs as the {@code postgres} user.
 */
final class LocalCluster implements AutoCloseable {

  private final Path bin;
  private final Path directory;
  private final int port;

  private LocalCluster(Path bin, Path directory, int port) {
    this.bin = bin;
    this.directory = directory;
    this.port = port;
  }

  /** A new, running cluster with trust authentication for user {@code postgres}. */
  static LocalCluster create() throws Exception {
    LocalCluster cluster = new LocalCluster(binaries(), newDirectory(), freePort());
    cluster.pg("initdb", "-D", cluster.data(), "-U", "postgres", "-A", "trust", "--no-sync");
    cluster.start();
    return cluster;
  }

  /**
   * A streaming replica of {@code primary}, a base backup of it started as a hot standby on a port
   * of its own, with {@code settings} added to its configuration.
   */
  static LocalCluster replicaOf(LocalCluster primary, Map<String, String> settings)
      throws Exception {
    LocalCluster replica = new LocalCluster(primary.bin, newDirectory(), freePort());
    replica.pg(
        "pg_basebackup",
        "-h",
        "127.0.0.1",
        "-p",
        String.valueOf(primary.port),
        "-U",
        "postgres",
        "-D",
        replica.data(),
        "-X",
        "stream",
        "-R"); // standby.signal, and primary_conninfo in postgresql.auto.conf
    StringBuilder more = new StringBuilder();
    settings.forEach((key, value) -> more.append(key).append(" = ").append(value).append('\n'));
    // appended to a file the cluster's user owns, which it keeps owning
    Files.writeString(
        Path.of(replica.data(), "postgresql.auto.conf"),
        more,
        java.nio.file.StandardOpenOption.APPEND);
    replica.start();
    return replica;
  }

  /** The JDBC settings {@link PackagedApp} takes, for the database {@code postgres}. */
  Map<String, String> datasource() {
    return Map.of(
        "quarkus.datasource.jdbc.url", jdbcUrl(),
        "quarkus.datasource.username", "postgres",
        "quarkus.datasource.password", "");
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  void start() throws Exception {
    pg(
        "pg_ctl",
        "-D",
        data(),
        "-l",
        directory.resolve("server.log").toString(),
        "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory,
        "-w",
        "start");
  }

  private static Path newDirectory() throws Exception {
    Path directory = Files.createTempDirectory("newsdesk-pg-");
    if (root()) {
      run(List.of("chown", "postgres:postgres", directory.toString()));
    }
    return directory;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Stops the server as an operator would: sessions are ended, a checkpoint is written. */
  void stop() throws Exception {
    pg("pg_ctl", "-D", data(), "-m", "fast", "-w", "stop");
  }

  /** Stops the server at once, as a crash would: no shutdown checkpoint, WAL replay on start. */
  void crash() throws Exception {
    pg("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
  }

  @Override
  public void close() throws Exception {
    try {
      stop();
    } catch (IllegalStateException alreadyStopped) {
      // fine
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private String data() {
    return directory.resolve("data").toString();
  }

  private void pg(String program, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    if (root()) {
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path binaries() throws IOException {
    String configured = System.getenv("NEWSDESK_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        return versions
            .map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(
                Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())))
            .orElseThrow(() -> new IllegalStateException("No initdb under " + debian));
      }
    }
    throw new IllegalStateException(
        "PostgreSQL's server binaries (initdb, pg_ctl) were not found: set NEWSDESK_PG_BIN");
  }
}
