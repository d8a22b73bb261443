package io.newsdesk.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Which members of each response body are always there, never null and so never left out (nulls are
 * not written; Article and Teaser also show drafts, in previews and teaser settings, so their
 * publication times are not among them), as {@code required} in the OpenAPI document, so generated
 * clients type them as present. Every response of every test is checked against the document, so a
 * member listed here that a response leaves out fails the tests. A {@code ?fields=} selection
 * leaves out what it did not ask for, as the fields parameter says.
 */
final class AlwaysPresent {

  private static final List<String> TEASER =
      List.of(
          "id", "slug", "title", "excerpt", "category", "authors", "tags", "readingTimeMinutes");

  private static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry(
              "Article",
              List.of(
                  "id",
                  "slug",
                  "url",
                  "title",
                  "category",
                  "authors",
                  "tags",
                  "byline",
                  "body",
                  "updatedAt",
                  "wordCount",
                  "readingTimeMinutes",
                  "structuredData")),
          Map.entry("Teaser", TEASER),
          Map.entry(
              "SearchHit",
              java.util.stream.Stream.concat(
                      TEASER.stream(), java.util.stream.Stream.of("publishedAt"))
                  .toList()),
          Map.entry("PageInfo", List.of("limit", "next", "prev")),
          Map.entry("Body", List.of("html", "text")),
          Map.entry("Image", List.of("url", "sources", "crops")),
          Map.entry("Source", List.of("width", "height", "type", "url")),
          Map.entry("Crop", List.of("aspect", "width", "height", "type", "url")),
          Map.entry("CategoryRef", List.of("slug", "name")),
          Map.entry("Category", List.of("slug", "name", "position")),
          Map.entry("TagRef", List.of("slug", "name")),
          Map.entry("Tag", List.of("slug", "name", "articleCount")),
          Map.entry("AuthorRef", List.of("slug", "name")),
          Map.entry("Author", List.of("slug", "name", "links", "articleCount")),
          Map.entry("Collection", List.of("slug", "name", "items")),
          Map.entry("Change", List.of("type", "id", "slug", "at")),
          Map.entry(
              "ManagedArticle",
              List.of(
                  "id",
                  "slug",
                  "title",
                  "category",
                  "tags",
                  "byline",
                  "authors",
                  "bodyFormat",
                  "body",
                  "status",
                  "createdAt",
                  "updatedAt",
                  "version",
                  "wordCount",
                  "readingTimeMinutes")),
          Map.entry(
              "ArticleSummary", List.of("id", "slug", "title", "category", "status", "version")),
          Map.entry(
              "ManagedAuthor",
              List.of("slug", "name", "links", "version", "createdAt", "updatedAt")),
          Map.entry(
              "ManagedCollection",
              List.of("slug", "name", "items", "size", "version", "createdAt", "updatedAt")),
          Map.entry("ManagedCollectionItem", List.of("article", "visible")),
          Map.entry("Token", List.of("id", "name", "role", "createdAt")),
          Map.entry("Webhook", List.of("id", "url", "events", "createdAt")),
          Map.entry(
              "WebhookDelivery",
              List.of("id", "eventId", "event", "createdAt", "status", "attempts")),
          Map.entry("Revision", List.of("number", "at", "actor", "action", "article")),
          Map.entry("RevisionActor", List.of("name", "role")),
          Map.entry("PreviewToken", List.of("token", "url", "apiUrl", "expiresAt")),
          Map.entry("FieldError", List.of("field", "message")),
          Map.entry("Problem", List.of("type", "title", "status")),
          Map.entry("ImportResult", List.of("line", "result", "status")),
          Map.entry("JsonFeed", List.of("version", "title", "home_page_url", "feed_url", "items")),
          Map.entry("JsonFeedItem", List.of("id", "url", "title", "date_published")));

  private AlwaysPresent() {}

  static void mark(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    schemas.forEach(
        (name, schema) -> {
          if (name.startsWith("Page")
              && schema.getProperties() != null
              && schema.getProperties().containsKey("items")) {
            schema.setRequired(List.of("items", "page"));
          }
        });
    REQUIRED.forEach(
        (name, members) -> {
          Schema schema = schemas.get(name);
          if (schema == null || schema.getProperties() == null) {
            throw new IllegalStateException("No schema " + name + " to mark required members of");
          }
          for (String member : members) {
            if (!schema.getProperties().containsKey(member)) {
              throw new IllegalStateException(name + " has no member " + member);
            }
          }
          schema.setRequired(members);
        });
  }
}
