package io.newsdesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks every REST Assured response against the OpenAPI document the server under test publishes
 * at {@code /q/openapi}: the operation exists, the status is documented, the media type is
 * documented, and a JSON body matches its schema. OpenAPI 3.1 schemas are JSON Schema 2020-12, so
 * networknt's validator checks them; each response schema is checked as a document of its own with
 * the document's {@code components} beside it, so its {@code $ref}s resolve. A mismatch fails the
 * test that made the request: the document can never drift from what the server does.
 *
 * <p>(swagger-request-validator, the usual choice, reads OpenAPI 3.0; given this 3.1 document it
 * accepted any body at all.)
 */
public final class OpenApiResponses implements Filter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, Spec> SPECS = new ConcurrentHashMap<>();
  private static volatile boolean installed;

  private OpenApiResponses() {}

  /** Adds the check to every REST Assured request of this JVM (once). */
  public static synchronized void install() {
    if (!installed) {
      RestAssured.filters(new OpenApiResponses());
      installed = true;
    }
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification response,
      FilterContext context) {
    Response answer = context.next(request, response);
    URI uri = URI.create(request.getURI());
    String path = uri.getRawPath(); // as sent: an encoded slash stays inside its segment
    if (!(path.startsWith("/api/") || path.startsWith("/feeds/"))
        || path.startsWith("/api/v1/test-only/")) {
      return answer; // health, metrics, the reader page and test-only endpoints are not in the API
    }
    // a ?fields= selection leaves out what it did not ask for: members the document marks
    // required may be absent
    String base = uri.getScheme() + "://" + uri.getAuthority();
    boolean selected = uri.getRawQuery() != null && uri.getRawQuery().contains("fields=");
    Spec spec =
        selected
            ? SPECS.computeIfAbsent(base + " selected", key -> Spec.load(base).withoutRequired())
            : SPECS.computeIfAbsent(base, Spec::load);
    if (request.getMethod().equals("OPTIONS")) {
      return answer; // CORS preflights are HTTP's, not the API's
    }
    String problem =
        spec.check(
            request.getMethod(), path, answer.statusCode(), answer.contentType(), body(answer));
    if (problem != null) {
      throw new AssertionError(
          "The response does not match the OpenAPI document: "
              + request.getMethod()
              + " "
              + uri
              + " -> "
              + answer.statusCode()
              + ": "
              + problem
              + "\nBody: "
              + answer.asString());
    }
    return answer;
  }

  /**
   * The body as text, gunzipped when a test asked for the bytes as they came (REST Assured
   * otherwise decodes them and keeps the Content-Encoding header, so the bytes decide).
   */
  private static String body(Response answer) {
    byte[] bytes = answer.asByteArray();
    if (bytes.length < 2 || bytes[0] != (byte) 0x1f || bytes[1] != (byte) 0x8b) {
      return answer.asString();
    }
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(answer.asByteArray()))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "(not gzip: " + e.getMessage() + ")";
    }
  }

  /** What is wrong with a response from {@code base}, or null; for the check's own test. */
  static String problems(
      String base, String method, String path, int status, String contentType, String body) {
    return SPECS.computeIfAbsent(base, Spec::load).check(method, path, status, contentType, body);
  }

  /** One server's document, with compiled schemas cached by JSON pointer. */
  private static final class Spec {

    private final JsonNode document;
    private final List<Template> templates;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private Spec(JsonNode document) {
      this.document = document;
      this.templates =
          document.path("paths").properties().stream()
              .map(e -> new Template(e.getKey(), e.getValue()))
              .sorted(Comparator.comparingInt(Template::literalLength).reversed())
              .toList();
    }

    /** The same document with no member required, for responses that a field selection cut. */
    Spec withoutRequired() {
      JsonNode copy = document.deepCopy();
      copy.path("components")
          .path("schemas")
          .forEach(
              schema -> {
                if (schema instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                  object.remove("required");
                }
              });
      return new Spec(copy);
    }

    static Spec load(String base) {
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
        return new Spec(JSON.readTree(response.body()));
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the OpenAPI document of " + base, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Null when the response matches the document, else what is wrong. */
    String check(String method, String path, int statusCode, String contentType, String body) {
      Optional<Template> template = templates.stream().filter(t -> t.matches(path)).findFirst();
      if (template.isEmpty()) {
        return statusCode == 404 || statusCode == 405
            ? null // an unknown route answers 404/405, which no document lists
            : "no path in the document matches " + path;
      }
      // HEAD is answered by the GET operation, without a body
      String operationMethod = method.equals("HEAD") ? "get" : method.toLowerCase();
      JsonNode operation = template.get().item.path(operationMethod);
      if (operation.isMissingNode()) {
        return statusCode == 405 ? null : "the document has no " + method + " for it";
      }
      String status = String.valueOf(statusCode);
      JsonNode documented = resolve(operation.path("responses").path(status));
      if (documented.isMissingNode()) {
        return "status " + status + " is not documented for " + method + " " + template.get().path;
      }
      if (method.equals("HEAD") || body.isEmpty()) {
        return null;
      }
      String mediaType = String.valueOf(contentType).split(";")[0].strip();
      JsonNode content = documented.path("content");
      JsonNode media = content.path(mediaType);
      if (media.isMissingNode()) {
        media = content.path("*/*");
      }
      if (media.isMissingNode()) {
        return "media type " + mediaType + " is not documented for status " + status;
      }
      if (!mediaType.endsWith("json") || media.path("schema").isMissingNode()) {
        return null; // XML feeds are checked by their own tests
      }
      String pointer =
          "/paths/"
              + escape(template.get().path)
              + "/"
              + operationMethod
              + "/responses/"
              + status
              + "/content/"
              + escape(mediaType)
              + "/schema";
      JsonNode documentedSchema = media.path("schema");
      if (documentedSchema.has("contentSchema")) {
        // NDJSON: text whose every line is a document of the contentSchema
        JsonNode lineSchema = documentedSchema.path("contentSchema");
        Schema schema =
            schemas.computeIfAbsent(pointer + "/contentSchema", p -> compile(lineSchema, p));
        for (String line : body.split("\n")) {
          String problem = line.isBlank() ? null : problems(schema, line);
          if (problem != null) {
            return "line " + line + ": " + problem;
          }
        }
        return null;
      }
      Schema schema = schemas.computeIfAbsent(pointer, p -> compile(documentedSchema, p));
      return problems(schema, body);
    }

    private static String problems(Schema schema, String json) {
      try {
        List<Error> errors = schema.validate(JSON.readTree(json));
        return errors.isEmpty() ? null : errors.toString();
      } catch (IOException e) {
        return "the body is not JSON";
      }
    }

    /** A response given as {@code $ref} to #/components/responses/X. */
    private JsonNode resolve(JsonNode node) {
      String ref = node.path("$ref").asText(null);
      return ref == null ? node : document.at(ref.substring(1));
    }

    private Schema compile(JsonNode schema, String pointer) {
      ObjectNode standalone = JSON.createObjectNode();
      standalone.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
      standalone.setAll((ObjectNode) schema.deepCopy());
      standalone.set("components", document.path("components"));
      return registry.getSchema(SchemaLocation.of("urn:newsdesk:openapi" + pointer), standalone);
    }

    private static String escape(String pointerPart) {
      return pointerPart.replace("~", "~0").replace("/", "~1");
    }
  }

  /** A path of the document, as a pattern with one segment per parameter. */
  private record Template(String path, JsonNode item, Pattern pattern, int literalLength) {

    Template(String path, JsonNode item) {
      this(
          path,
          item,
          Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+")),
          path.replaceAll("\\{[^/]+}", "").length());
    }

    boolean matches(String candidate) {
      return pattern.matcher(candidate).matches();
    }
  }
}
