package io.newsdesk.web;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The schema part of finishing the OpenAPI document (for {@link OpenApiHeaders}): the merge-patch
 * schema of PATCH, NDJSON bodies as text, webhook events as an enum, the members every response has
 * ({@link AlwaysPresent}), and no unused raw {@code Page}.
 */
final class OpenApiSchemas {

  private OpenApiSchemas() {}

  static void finish(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    webhookEvents(openAPI);
    mergePatchSchema(openAPI);
    ndjsonBodies(openAPI);
    AlwaysPresent.mark(openAPI);
    // every list names its own page type (PageTeaserView...); the raw generic one is never used
    openAPI.getComponents().removeSchema("Page");
  }

  /**
   * PATCH takes a JSON merge patch (RFC 7396) of an ArticleInput: every member optional, and those
   * an article can be without may be null, which clears them. Generated clients then type a partial
   * patch and a clearing null, which a full ArticleInput would not allow.
   */
  private static void mergePatchSchema(OpenAPI openAPI) {
    Schema input = openAPI.getComponents().getSchemas().get("ArticleInput");
    if (input == null || input.getProperties() == null) {
      return;
    }
    List<String> required = input.getRequired() == null ? List.of() : input.getRequired();
    Schema patch =
        OASFactory.createSchema()
            .addType(Schema.SchemaType.OBJECT)
            .description(
                "A JSON merge patch (RFC 7396) of an ArticleInput: members to change; null clears"
                    + " a member the article can be without; what is not sent stays");
    input
        .getProperties()
        .forEach(
            (name, property) ->
                patch.addProperty(
                    name,
                    required.contains(name)
                        ? withoutDefault(property)
                        : OASFactory.createSchema()
                            .addAnyOf(withoutDefault(property))
                            .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
    openAPI.getComponents().addSchema("ArticlePatch", patch);
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(
            item -> {
              Operation patchOperation = item.getPATCH();
              if (patchOperation == null
                  || patchOperation.getRequestBody() == null
                  || patchOperation.getRequestBody().getContent() == null) {
                return;
              }
              var media =
                  patchOperation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
              if (media != null
                  && media.getSchema() != null
                  && "#/components/schemas/ArticleInput".equals(media.getSchema().getRef())) {
                media.setSchema(OASFactory.createSchema().ref("#/components/schemas/ArticlePatch"));
              }
            });
  }

  /**
   * An NDJSON body (the import's request and its answer) is text, one JSON document per line, not
   * one JSON object: a string whose {@code contentSchema} names the schema of a line. Generated
   * clients then send and receive it as text instead of serializing one object.
   */
  private static void ndjsonBodies(OpenAPI openAPI) {
    String ndjson = "application/x-ndjson";
    for (var item : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : item.getOperations().values()) {
        var contents =
            new java.util.ArrayList<org.eclipse.microprofile.openapi.models.media.Content>();
        if (operation.getRequestBody() != null) {
          contents.add(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null) {
          operation
              .getResponses()
              .getAPIResponses()
              .values()
              .forEach(r -> contents.add(r.getContent()));
        }
        for (var content : contents) {
          var media = content == null ? null : content.getMediaType(ndjson);
          if (media == null || media.getSchema() == null || media.getSchema().getRef() == null) {
            continue;
          }
          String ref = media.getSchema().getRef();
          media.setSchema(
              OASFactory.createSchema()
                  .addType(Schema.SchemaType.STRING)
                  .contentMediaType(ndjson)
                  .contentSchema(OASFactory.createSchema().ref(ref))
                  .description(
                      "Newline-delimited JSON: one "
                          + ref.substring(ref.lastIndexOf('/') + 1)
                          + " per line"));
        }
      }
    }
  }

  /**
   * A property of ArticleInput as a patch member: the same, without its default (a member a patch
   * leaves out stays as it is, so a default there would change it).
   */
  private static Schema withoutDefault(Schema property) {
    Schema copy = OASFactory.createSchema();
    if (property.getRef() != null) {
      copy.setRef(property.getRef());
    }
    if (property.getType() != null) {
      copy.setType(new java.util.ArrayList<>(property.getType()));
    }
    copy.setDescription(property.getDescription());
    copy.setItems(property.getItems());
    copy.setPattern(property.getPattern());
    copy.setMaxLength(property.getMaxLength());
    copy.setMaxItems(property.getMaxItems());
    copy.setExamples(property.getExamples());
    return copy;
  }

  /** Webhook event names are a closed set: an enum, so generated clients get a type for them. */
  private static void webhookEvents(OpenAPI openAPI) {
    for (String name : List.of("WebhookInput", "Webhook")) {
      Schema schema = openAPI.getComponents().getSchemas().get(name);
      Schema events =
          schema == null || schema.getProperties() == null
              ? null
              : schema.getProperties().get("events");
      if (events != null && events.getItems() != null) {
        events.getItems().setEnumeration(new java.util.ArrayList<>(io.newsdesk.webhook.Events.ALL));
      }
    }
  }
}
