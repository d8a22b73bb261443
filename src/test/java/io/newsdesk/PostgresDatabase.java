package io.newsdesk;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway PostgreSQL database for one test run: created on the local server before the
 * application starts, dropped when the run ends, so runs never share or collide on data. {@code
 * NEWSDESK_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}) names the
 * maintenance database to create it from; {@code NEWSDESK_TEST_DB_USER} and {@code _PASSWORD} log
 * in.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

  static final String ADMIN_URL =
      env("NEWSDESK_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  static final String USER = env("NEWSDESK_TEST_DB_USER", "postgres");
  static final String PASSWORD = env("NEWSDESK_TEST_DB_PASSWORD", "");

  private String name;

  @Override
  public Map<String, String> start() {
    OpenApiResponses.install(); // every test's responses are checked against the document
    name = "newsdesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("create database " + name);
    String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    return Map.of(
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", USER,
        "quarkus.datasource.password", PASSWORD);
  }

  @Override
  public void stop() {
    if (name != null) {
      execute("drop database if exists " + name + " with (force)");
    }
  }

  /** The single number {@code sql} (one {@code ?} for {@code parameter}, or none) selects. */
  static long count(String jdbcUrl, String sql, String parameter) throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
        java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      try (java.sql.ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot run '" + sql + "' on " + ADMIN_URL + ": " + e.getMessage(), e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
