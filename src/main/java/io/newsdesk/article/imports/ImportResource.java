package io.newsdesk.article.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ArticlePatches;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.auth.Caller;
import io.newsdesk.auth.CurrentCaller;
import io.newsdesk.auth.Role;
import io.newsdesk.web.FieldError;
import io.newsdesk.web.JsonSetup;
import io.newsdesk.web.ProblemException;
import io.newsdesk.web.Problems;
import io.newsdesk.web.StrictUtf8;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Wire agencies and migrations import thousands of articles at a time, by their own ids. */
@Path("/api/v1/manage/import")
@RolesAllowed(Role.EDITOR)
@Tag(name = "Articles (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ImportResource {

  private static final Logger LOG = Logger.getLogger(ImportResource.class);
  static final String NDJSON = "application/x-ndjson";
  private static final int MAX_LINE = 1 << 20;

  private final Imports imports;
  private final ArticlePatches documents;
  private final ObjectMapper json;
  private final CurrentCaller caller;

  ImportResource(
      Imports imports, ArticlePatches documents, ObjectMapper json, CurrentCaller caller) {
    this.imports = imports;
    this.documents = documents;
    this.json = json;
    this.caller = caller;
  }

  @POST
  @Consumes(NDJSON)
  @Produces(NDJSON)
  @Operation(
      summary = "Import articles (NDJSON)",
      description =
          "One ArticleInput per line, each with an externalId and optionally publishAt. Each line"
              + " is created or replaced by its external id in its own transaction (all or"
              + " nothing per line), and answered by one ImportResult line as it is done, so a"
              + " re-run creates nothing new and a bad line is reported while the others land."
              + " The body is read as it arrives; lines up to 1 MiB.")
  @RequestBody(
      content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ArticleInput.class)))
  @APIResponse(
      responseCode = "200",
      description = "One ImportResult per input line",
      content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ImportReport.class)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public StreamingOutput importArticles(InputStream body) {
    Caller who = caller.get();
    return out -> {
      InputStream in = new BufferedInputStream(body);
      Line line = new Line();
      int number = 0;
      int written = 0;
      while (line.read(in)) {
        number++;
        ImportReport report = line.report(number);
        if (report == null && !line.text().isBlank()) {
          report = importLine(number, line.text(), who);
        }
        if (report != null) {
          if (report.result().equals("created") || report.result().equals("updated")) {
            written++;
          }
          out.write(json.writeValueAsBytes(report));
          out.write('\n');
          out.flush();
        }
      }
      if (written >= Imports.ANALYZE_AFTER) {
        imports.analyze();
      }
    };
  }

  /** One line of the body as bytes, up to the next newline; over-long lines are cut. */
  private static final class Line {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean tooLong;

    /** Reads the next line; false at the end of the input. */
    boolean read(InputStream in) throws IOException {
      bytes.reset();
      tooLong = false;
      int b = in.read();
      if (b < 0) {
        return false;
      }
      while (b >= 0 && b != '\n') {
        if (bytes.size() < MAX_LINE) {
          bytes.write(b);
        } else {
          tooLong = true;
        }
        b = in.read();
      }
      return true;
    }

    /** The failure that this line is before it is parsed, or null. */
    ImportReport report(int number) {
      if (tooLong) {
        return failed(number, null, 413, "The line is longer than 1 MiB", null);
      }
      if (!StrictUtf8.valid(bytes.toByteArray(), bytes.size())) {
        return failed(number, null, 400, "The line is not valid UTF-8", null);
      }
      return null;
    }

    String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private ImportReport importLine(int number, String text, Caller who) {
    String externalId = null;
    try {
      JsonNode node = json.readTree(text);
      if (!(node instanceof ObjectNode object)) {
        return failed(number, null, 400, "A line must be a JSON object", null);
      }
      Instant publishAt = publishAt(object.remove("publishAt"));
      ArticleInput input = documents.valid(object);
      externalId = input.externalId();
      if (externalId == null) {
        throw ProblemException.invalid(
            "externalId", "is required in an import, so that a re-run finds the article");
      }
      Imports.Result result = imports.upsert(externalId, input, publishAt, who);
      ManagedArticleView view = result.article();
      return new ImportReport(
          number,
          result.outcome(),
          result.created() ? 201 : 200,
          view.id(),
          view.slug(),
          externalId,
          null,
          null);
    } catch (Exception | StackOverflowError e) {
      // Whatever went wrong with this line is reported in the words of any other response, and
      // the import goes on with the next line: one bad line must not cut the stream short.
      ProblemException problem = Problems.of(e, "/api/v1/manage/import line " + number);
      return failed(number, externalId, problem.status(), problem.getMessage(), problem.errors());
    }
  }

  private static Instant publishAt(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return JsonSetup.parseInstant(value.asText());
    } catch (DateTimeException e) {
      throw ProblemException.invalid("publishAt", "must be an ISO-8601 instant");
    }
  }

  private static ImportReport failed(
      int number, String externalId, int status, String detail, List<FieldError> errors) {
    return new ImportReport(number, "failed", status, null, null, externalId, detail, errors);
  }
}
