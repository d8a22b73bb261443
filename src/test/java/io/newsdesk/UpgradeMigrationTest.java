package io.newsdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An installation of the previous release upgrades without losing anything: a database at V8
 * (before authors and collections) with content in it is migrated to the current schema, and the
 * content reads as before, with its new columns filled in.
 */
class UpgradeMigrationTest {

  private String name;
  private String url;

  @BeforeEach
  void createDatabase() throws SQLException {
    name = "newsdesk_upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    admin("create database " + name);
    url =
        PostgresDatabase.ADMIN_URL.substring(0, PostgresDatabase.ADMIN_URL.lastIndexOf('/') + 1)
            + name;
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    admin("drop database if exists " + name + " with (force)");
  }

  private Flyway flyway(String target) {
    var config =
        Flyway.configure()
            .dataSource(url, PostgresDatabase.USER, PostgresDatabase.PASSWORD)
            .schemas("newsdesk")
            .locations("classpath:db/migration");
    return (target == null ? config : config.target(target)).load();
  }

  @Test
  void articlesOfThePreviousSchemaKeepTheirBylinesAndTagsAndGainCards() throws SQLException {
    flyway("8").migrate();
    try (Connection db =
            DriverManager.getConnection(url, PostgresDatabase.USER, PostgresDatabase.PASSWORD);
        Statement sql = db.createStatement()) {
      sql.execute("set search_path to newsdesk");
      sql.execute(
          "insert into category (slug, name, created_at, updated_at)"
              + " values ('world', 'World', now(), now())");
      sql.execute(
          "insert into tag (slug, name, updated_at) values ('harbour', 'The Harbour', now())");
      sql.execute(
          "insert into article (id, slug, title, category_id, tags, byline, body_format,"
              + " body_source, body_html, body_text, word_count, reading_time_minutes, status,"
              + " published_at, first_published_at, created_at, updated_at)"
              + " select '00000000-0000-0000-0000-000000000001', 'old-story', 'An old story', id,"
              + " '{harbour,ferries}', '{\"Ana Lima\"}', 'markdown', 'Old words.',"
              + " '<p>Old words.</p>', 'Old words.', 2, 1, 'published', now(), now(), now(), now()"
              + " from category where slug = 'world'");
      sql.execute(
          "insert into teaser (article_id, slug, title, excerpt, category_id, category_slug,"
              + " category_name, published_at, tags)"
              + " select id, slug, title, 'Old words.', category_id, 'world', 'World',"
              + " published_at, tags from article");
    }

    flyway(null).migrate();

    try (Connection db =
            DriverManager.getConnection(url, PostgresDatabase.USER, PostgresDatabase.PASSWORD);
        Statement sql = db.createStatement()) {
      sql.execute("set search_path to newsdesk");
      assertEquals(
          "{\"Ana Lima\"}|{harbour,ferries}|{}",
          one(
              sql,
              "select byline::text || '|' || tags::text || '|' || authors::text from article"));
      assertEquals(
          "[{\"name\": \"The Harbour\", \"slug\": \"harbour\"},"
              + " {\"name\": \"ferries\", \"slug\": \"ferries\"}]|[]|{}",
          one(
              sql,
              "select tag_cards::text || '|' || author_cards::text || '|' || authors::text from teaser"));
      assertEquals("0", one(sql, "select count(*) from collection"));
    }
  }

  private static String one(Statement sql, String query) throws SQLException {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection db =
            DriverManager.getConnection(
                PostgresDatabase.ADMIN_URL, PostgresDatabase.USER, PostgresDatabase.PASSWORD);
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }
}
