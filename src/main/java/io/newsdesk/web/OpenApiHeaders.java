package io.newsdesk.web;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Finishes the OpenAPI document in one place (the schemas in {@link OpenApiSchemas}): names its
 * server, marks anonymous operations as such, documents the validators of conditional GETs and the
 * answers every operation can meet, and the caching headers every delivery response carries (ETag,
 * Cache-Control, Surrogate-Key, X-Cache on every 200 of a delivery GET), and types parameter
 * defaults, which JAX-RS declares as strings ({@code @DefaultValue("20")}), as the numbers and
 * booleans they are, so generated clients and linters read them right. Runs at build time: the
 * document is finished in the jar, and starting the server does not rework it.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiHeaders implements OASFilter {

  private static final Map<String, String> HEADERS =
      Map.of(
          "ETag",
          "Strong entity tag of this representation; send it as If-None-Match for a 304",
          "Cache-Control",
          "public, max-age=60, stale-while-revalidate=300 by default",
          "Surrogate-Key",
          "The entities the response was built from, for CDN purges",
          "X-Cache",
          "HIT when served from this server's memory, MISS when read for this request, STALE for"
              + " the previous response while another request reads the changed one (at most"
              + " newsdesk.cache.stale-while-refill after a change that hides nothing)");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    // the server that serves the document: clients resolve paths against where they fetched it
    openAPI.setServers(
        List.of(OASFactory.createServer().url("/").description("The server of this document")));
    OpenApiSchemas.finish(openAPI);
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              item.getOperations().values().forEach(OpenApiHeaders::typeDefaults);
              item.getOperations().values().forEach(OpenApiHeaders::anonymousSaysSo);
              item.getOperations().values().forEach(OpenApiHeaders::conditionalGets);
              item.getOperations().values().forEach(OpenApiHeaders::sharedResponses);
              if (!path.startsWith("/feeds/")) {
                // the REST layer answers an Accept header it cannot satisfy with 406 (a feed is
                // served whatever Accept says: FeedAccept)
                item.getOperations()
                    .values()
                    .forEach(operation -> documented(operation, "406", "NotAcceptable"));
              }
              Operation get = item.getGET();
              if (get != null && get.getTags() != null && get.getTags().contains("Delivery")) {
                APIResponse ok =
                    get.getResponses() == null ? null : get.getResponses().getAPIResponse("200");
                if (ok != null) {
                  HEADERS.forEach((name, description) -> ok.addHeader(name, header(description)));
                }
              }
            });
  }

  /**
   * The answers any operation can meet besides its own: 503 from an instance shutting down or a
   * database that cannot answer (RequestIds, ProblemMapper); 429 where a token is read, for a
   * client blocked for bad ones (FailedLogins); 413 and 411 where a body is read (BodyLimit).
   */
  private static void sharedResponses(Operation operation) {
    if (operation.getResponses() == null) {
      return;
    }
    documented(operation, "503", "ServiceUnavailable");
    if (operation.getResponses().getAPIResponse("401") != null) {
      documented(operation, "429", "TooManyFailedAttempts");
    }
    if (operation.getRequestBody() != null) {
      documented(operation, "413", "PayloadTooLarge");
      documented(operation, "411", "LengthRequired");
    }
  }

  /**
   * A GET that can answer 304 takes the validators a client got before, as documented parameters:
   * generated clients can send them.
   */
  private static void conditionalGets(Operation operation) {
    if (operation.getResponses() == null
        || operation.getResponses().getAPIResponse("304") == null) {
      return;
    }
    operation.addParameter(
        header(
            "If-None-Match",
            "ETags of copies the client holds; 304 when one is current",
            "\"Zk3n8xYqQ0uJ2m9pC4rT1wVb\""));
    operation.addParameter(
        header(
            "If-Modified-Since",
            "Last-Modified of the client's copy (HTTP date), for responses that send one; ignored"
                + " when If-None-Match is sent",
            "Fri, 27 Nov 2026 08:30:00 GMT"));
  }

  private static Parameter header(String name, String description, String example) {
    return OASFactory.createParameter()
        .name(name)
        .in(Parameter.In.HEADER)
        .required(false)
        .description(description)
        .example(example)
        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
  }

  /** An operation without a security requirement is anonymous, and says so with an empty one. */
  private static void anonymousSaysSo(Operation operation) {
    if (operation.getSecurity() == null) {
      operation.setSecurity(List.of());
    }
  }

  private static void documented(Operation operation, String status, String response) {
    if (operation.getResponses().getAPIResponse(status) == null) {
      operation
          .getResponses()
          .addAPIResponse(
              status, OASFactory.createAPIResponse().ref("#/components/responses/" + response));
    }
  }

  private static void typeDefaults(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (Parameter parameter : operation.getParameters()) {
      Schema schema = parameter.getSchema();
      if (schema == null || !(schema.getDefaultValue() instanceof String text)) {
        continue;
      }
      List<Schema.SchemaType> types = schema.getType();
      if (types == null) {
        continue;
      }
      if (types.contains(Schema.SchemaType.INTEGER)) {
        schema.setDefaultValue(new BigDecimal(text));
      } else if (types.contains(Schema.SchemaType.BOOLEAN)) {
        schema.setDefaultValue(Boolean.valueOf(text));
      }
    }
  }

  private static Header header(String description) {
    return OASFactory.createHeader()
        .description(description)
        .schema(
            OASFactory.createSchema()
                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
  }
}
