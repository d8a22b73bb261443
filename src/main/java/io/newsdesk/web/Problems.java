package io.newsdesk.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.newsdesk.auth.TooManyFailedAttempts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Newsdesk's one error vocabulary: what any failure means for a client, as a {@link
 * ProblemException} that names the offending field and never a Java class, SQL or a stack trace.
 * HTTP responses (ProblemMapper), import report lines and webhook delivery logs all say it this
 * way; failures that are ours (5xx) are logged with their cause under the request's id.
 */
public final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class);

  /**
   * Seconds a client should wait before retrying a 503: the database could not serve it, or this
   * instance is shutting down (RequestIds).
   */
  public static final String RETRY_AFTER_SECONDS = "5";

  /** Fields the server sets; a write body that sends one gets a message that says so. */
  private static final Set<String> SERVER_MANAGED =
      Set.of(
          "id",
          "status",
          "version",
          "publishedAt",
          "firstPublishedAt",
          "createdAt",
          "updatedAt",
          "wordCount",
          "readingTimeMinutes",
          "lastUsedAt",
          "token");

  /**
   * Unique constraints (see V1__core_schema.sql) by the JSON field a client sent, for races the
   * services cannot see.
   */
  private static final Map<String, String> UNIQUE_FIELDS =
      Map.of(
          "article_slug_key", "slug",
          "article_external_id_key", "externalId",
          "category_slug_key", "slug");

  private Problems() {}

  /**
   * What {@code e} means for the client whose request raised it; a 5xx is logged with its cause,
   * naming {@code where} (a path, an import line).
   */
  public static ProblemException of(Throwable e, String where) {
    ProblemException problem = translate(e);
    if (problem.status() == 503) {
      LOG.warnf("Database unavailable on %s: %s", where, DatabaseErrors.rootMessage(e));
    } else if (problem.status() >= 500) {
      LOG.errorf(e, "Unexpected failure on %s", where);
    }
    return problem;
  }

  private static ProblemException translate(Throwable e) {
    if (e instanceof ProblemException problem) {
      return problem;
    }
    if (e instanceof ConstraintViolationException violations) {
      return violations(violations);
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown);
    }
    if (e instanceof MismatchedInputException mismatched) {
      String field = jsonPath(mismatched);
      return ProblemException.invalid(
          field.isEmpty() ? "body" : field,
          "must be " + JsonKinds.describe(mismatched.getTargetType()));
    }
    if (e instanceof JsonMappingException mapping) {
      return badValue(mapping);
    }
    if (e instanceof JsonProcessingException parsing) {
      return malformedJson(parsing);
    }
    if (e instanceof TooManyFailedAttempts blocked) {
      return new ProblemException(
          429,
          "/problems/too-many-failed-attempts",
          "Too Many Requests",
          "Too many requests with an invalid token from this client; try again after the time in"
              + " Retry-After",
          null,
          Map.of("Retry-After", String.valueOf(blocked.retryAfterSeconds())));
    }
    if (e instanceof AuthenticationFailedException || e instanceof UnauthorizedException) {
      return new ProblemException(
          401,
          "/problems/unauthorized",
          "Unauthorized",
          "Send a valid API token as 'Authorization: Bearer <token>'",
          null,
          Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsdesk\""));
    }
    if (e instanceof ForbiddenException) {
      return ProblemException.forbidden("Your token's role does not allow this operation");
    }
    if (e instanceof PersistenceException persistence) {
      ProblemException conflict = persistence(persistence);
      if (conflict != null) {
        return conflict;
      }
    }
    if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      return webApplication(web);
    }
    if (DatabaseErrors.unavailable(e)) {
      return new ProblemException(
          503,
          "/problems/database-unavailable",
          "Service Unavailable",
          "The database is not answering in time; try again in a few seconds",
          null,
          Map.of("Retry-After", RETRY_AFTER_SECONDS));
    }
    return new ProblemException(
        500,
        "/problems/internal",
        "Internal error",
        "Something went wrong on our side",
        null,
        Map.of());
  }

  private static ProblemException violations(ConstraintViolationException e) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return ProblemException.invalid(errors);
  }

  private static ProblemException unknownField(UnrecognizedPropertyException e) {
    String name = String.valueOf(e.getPropertyName());
    String message =
        SERVER_MANAGED.contains(name)
            ? "is set by the server and cannot be written"
            : "is not a known field";
    return ProblemException.invalid(jsonPath(e), message);
  }

  private static ProblemException badValue(JsonMappingException e) {
    if (e.getCause() instanceof StreamReadException parsing) {
      return malformedJson(parsing); // the JSON broke off inside a field
    }
    if (e instanceof InvalidDefinitionException) {
      return translate(new IllegalStateException(e)); // our mistake, not the client's
    }
    String field = jsonPath(e);
    // Only our own deserializers' messages are written for clients; Jackson's may name classes.
    String message =
        e instanceof JsonSetup.InvalidTextException
            ? e.getOriginalMessage()
            : "has an invalid value";
    return ProblemException.invalid(field.isEmpty() ? "body" : field, message);
  }

  private static ProblemException malformedJson(JsonProcessingException e) {
    if (e instanceof InputCoercionException coercion) {
      return outOfRange(coercion);
    }
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return new ProblemException(
        400,
        "/problems/malformed-json",
        "Malformed JSON",
        "The body is not valid JSON" + where,
        null,
        Map.of());
  }

  /** Valid JSON, but a number too large for its field ({@code "position": 99999999999}). */
  private static ProblemException outOfRange(InputCoercionException e) {
    String field = null;
    JsonParser parser = e.getProcessor();
    if (parser != null) {
      try {
        field = parser.currentName();
      } catch (IOException ignored) {
        // no name to report; fall back to the body
      }
    }
    return ProblemException.invalid(field == null ? "body" : field, "is out of range");
  }

  /** Races that only the database saw, or null for anything else. */
  private static ProblemException persistence(PersistenceException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
        return new ProblemException(
            412,
            "/problems/precondition-failed",
            "Edited by someone else",
            "Another edit was saved at the same moment; fetch the resource again and reapply your"
                + " edit",
            null,
            Map.of());
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException c
          && c.getKind()
              == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
        return ProblemException.conflict(
            UNIQUE_FIELDS.get(c.getConstraintName()), "This value is already taken");
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException c
          && c.getKind()
              == org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
        // a race the services' checks cannot see: a category deleted while an article was filed
        // under it, or one gaining an article or a subcategory while it was deleted
        return ProblemException.conflict(
            null,
            "Something this refers to was deleted, or something else came to refer to it, at the"
                + " same moment; fetch it again and retry");
      }
    }
    return null;
  }

  private static ProblemException webApplication(WebApplicationException e) {
    // The JSON body reader wraps parse and binding failures in a plain 400; unwrap them to name
    // the field.
    if (e.getCause() instanceof JsonProcessingException parsing) {
      return translate(parsing);
    }
    int status = e.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Error" : type.getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "No such resource";
          case 405 -> "This method is not allowed here";
          case 406 -> "This resource is not served in any type the Accept header allows";
          case 413 -> "The body is larger than allowed";
          default -> title;
        };
    Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
    return new ProblemException(
        status,
        "/problems/" + slug(title),
        title,
        detail,
        null,
        allow == null ? Map.of() : Map.of(HttpHeaders.ALLOW, allow.toString()));
  }

  static String slug(String title) {
    return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
  }

  /** "image.url", "tags[2]": the JSON path of a Jackson failure, without any Java names. */
  private static String jsonPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * Bean Validation paths look like {@code create.body.image.url} or {@code feed.limit}: the method
   * and, for bodies, the parameter name are dropped, so the field is named as the client sent it.
   */
  private static String fieldName(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    for (Iterator<Path.Node> it = path.iterator(); it.hasNext(); ) {
      Path.Node node = it.next();
      if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.CONSTRUCTOR) {
        nodes.add(node);
      }
    }
    if (nodes.size() == 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
      return nodes.get(0).getName();
    }
    StringBuilder field = new StringBuilder();
    for (Path.Node node : nodes) {
      if (node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        field.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && !node.getName().startsWith("<")) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.toString();
  }
}
