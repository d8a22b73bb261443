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
import io.newsdesk.replica.ReadSource;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
              + " is created or replaced by its external id, all or nothing per line, and answered"
              + " by one ImportResult line, in order, once it is stored, so a re-run creates"
              + " nothing new and a bad line is reported while the others land. The body is read"
              + " as it arrives; lines that have arrived together are stored together, up to 50"
              + " at a time. Lines up to 1 MiB.")
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
      Lines lines = new Lines(body);
      Writer writer = new Writer(who, out);
      List<Parsed> batch = new ArrayList<>();
      int number = 0;
      while (lines.next()) {
        number++;
        if (lines.tooLong()) {
          batch.add(
              Parsed.failed(failed(number, null, 413, "The line is longer than 1 MiB", null)));
        } else if (!lines.utf8()) {
          batch.add(Parsed.failed(failed(number, null, 400, "The line is not valid UTF-8", null)));
        } else if (!lines.blank()) {
          batch.add(parse(number, lines.text()));
        }
        // a batch takes the lines that have arrived: a feed that trickles in is answered line by
        // line, a migration that sends as fast as it can in transactions of up to BATCH lines
        if (batch.size() >= BATCH || !batch.isEmpty() && !lines.ready()) {
          writer.submit(batch);
          batch = new ArrayList<>();
        }
      }
      writer.submit(batch);
      if (writer.finish() >= Imports.ANALYZE_AFTER) {
        imports.analyze();
      }
    };
  }

  /** Lines imported in one transaction at most. */
  static final int BATCH = 50;

  /** A line parsed and checked, ready to be written; or the report of why it cannot be. */
  private record Parsed(Imports.Line work, ImportReport failed) {

    static Parsed failed(ImportReport report) {
      return new Parsed(null, report);
    }
  }

  /**
   * Writes an import's batches, two at a time: while one is in the database the next is written
   * beside it, so that both cores (the server's rendering, PostgreSQL's indexing) are busy. Lines
   * are answered in order. A batch that names an external id of the batch still being written waits
   * for it, so that lines about one article are applied in the order they came.
   */
  private final class Writer {
    private final Caller who;
    private final OutputStream out;
    private Future<List<ImportReport>> running;
    private Set<String> runningIds = Set.of();
    private int written;

    Writer(Caller who, OutputStream out) {
      this.who = who;
      this.out = out;
    }

    void submit(List<Parsed> batch) throws IOException {
      if (batch.isEmpty()) {
        return;
      }
      Set<String> ids = new HashSet<>();
      batch.stream().map(Parsed::work).filter(w -> w != null).forEach(w -> ids.add(w.id()));
      if (!Collections.disjoint(ids, runningIds)) {
        send();
      }
      Future<List<ImportReport>> started =
          imports.writer().submit(() -> ReadSource.offRequest(() -> reports(batch, who)));
      send();
      running = started;
      runningIds = ids;
    }

    /** Answers the batch being written once it is done; returns the lines created or updated. */
    int finish() throws IOException {
      send();
      return written;
    }

    private void send() throws IOException {
      if (running == null) {
        return;
      }
      List<ImportReport> reports;
      try {
        reports = running.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("The import was interrupted", e);
      } catch (ExecutionException e) {
        throw new IOException("An import batch failed unexpectedly", e.getCause());
      } finally {
        running = null;
        runningIds = Set.of();
      }
      for (ImportReport report : reports) {
        if (report.result().equals("created") || report.result().equals("updated")) {
          written++;
        }
        out.write(json.writeValueAsBytes(report));
        out.write('\n');
      }
      out.flush();
    }
  }

  /**
   * Writes the batch's lines in one transaction; if any of them fails there, the transaction is
   * rolled back and each line is written in its own, so that a bad line loses nothing but itself.
   * The reports, in the batch's order.
   */
  private List<ImportReport> reports(List<Parsed> batch, Caller who) {
    List<Imports.Line> work = batch.stream().map(Parsed::work).filter(w -> w != null).toList();
    List<Imports.Result> results = null;
    if (work.size() > 1) {
      try {
        results = imports.upsertAll(work, who);
      } catch (RuntimeException e) {
        LOG.debugf(e, "A batch of %d import lines failed; writing them one by one", work.size());
      }
    }
    List<ImportReport> reports = new ArrayList<>(batch.size());
    int next = 0;
    for (Parsed parsed : batch) {
      Imports.Line line = parsed.work();
      reports.add(
          line == null
              ? parsed.failed()
              : results != null ? done(line, results.get(next++)) : importLine(line, who));
    }
    return reports;
  }

  /** The body's lines, read a block at a time; a line over {@link #MAX_LINE} bytes is cut. */
  private static final class Lines {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean eof;
    private byte[] line = new byte[1 << 14];
    private int length;
    private boolean tooLong;

    Lines(InputStream in) {
      this.in = in;
    }

    /** Reads the next line; false at the end of the input. */
    boolean next() throws IOException {
      length = 0;
      tooLong = false;
      boolean any = false;
      while (true) {
        if (start == end && !fill()) {
          return any;
        }
        any = true;
        int newline = start;
        while (newline < end && buffer[newline] != '\n') {
          newline++;
        }
        keep(newline - start);
        boolean found = newline < end;
        start = found ? newline + 1 : end;
        if (found) {
          return true;
        }
      }
    }

    private boolean fill() throws IOException {
      if (eof) {
        return false;
      }
      int read = in.read(buffer);
      if (read < 0) {
        eof = true;
        return false;
      }
      start = 0;
      end = read;
      return true;
    }

    private void keep(int count) {
      int kept = Math.min(count, MAX_LINE - length);
      tooLong |= kept < count;
      if (length + kept > line.length) {
        line = Arrays.copyOf(line, Math.min(MAX_LINE, Math.max(line.length * 2, length + kept)));
      }
      System.arraycopy(buffer, start, line, length, kept);
      length += kept;
    }

    /** Whether more input is at hand without waiting for the client. */
    boolean ready() throws IOException {
      return start < end || !eof && in.available() > 0;
    }

    boolean tooLong() {
      return tooLong;
    }

    boolean utf8() {
      return StrictUtf8.valid(line, length);
    }

    boolean blank() {
      for (int i = 0; i < length; i++) {
        if (!Character.isWhitespace(line[i])) {
          return false;
        }
      }
      return true;
    }

    String text() {
      return new String(line, 0, length, StandardCharsets.UTF_8);
    }
  }

  /** The line as the import's work, or the report of why it is not valid. */
  private Parsed parse(int number, String text) {
    String externalId = null;
    try {
      JsonNode node = json.readTree(text);
      if (!(node instanceof ObjectNode object)) {
        return Parsed.failed(failed(number, null, 400, "A line must be a JSON object", null));
      }
      Instant publishAt = publishAt(object.remove("publishAt"));
      ArticleInput input = documents.valid(object);
      externalId = input.externalId();
      if (externalId == null) {
        throw ProblemException.invalid(
            "externalId", "is required in an import, so that a re-run finds the article");
      }
      return new Parsed(new Imports.Line(number, input, publishAt), null);
    } catch (Exception | StackOverflowError e) {
      return Parsed.failed(failure(number, externalId, e));
    }
  }

  private static ImportReport done(Imports.Line line, Imports.Result result) {
    ManagedArticleView view = result.article();
    return new ImportReport(
        line.number(),
        result.outcome(),
        result.created() ? 201 : 200,
        view.id(),
        view.slug(),
        line.input().externalId(),
        null,
        null);
  }

  /** Writes one line in a transaction of its own. */
  private ImportReport importLine(Imports.Line line, Caller who) {
    try {
      return done(line, imports.upsert(line, who));
    } catch (Exception | StackOverflowError e) {
      return failure(line.number(), line.input().externalId(), e);
    }
  }

  /**
   * Whatever went wrong with a line is reported in the words of any other response, and the import
   * goes on with the next line: one bad line must not cut the stream short.
   */
  private static ImportReport failure(int number, String externalId, Throwable e) {
    ProblemException problem = Problems.of(e, "/api/v1/manage/import line " + number);
    return failed(number, externalId, problem.status(), problem.getMessage(), problem.errors());
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
