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
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into an RFC 9457 problem+json response that names the offending field. */
class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

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

  @ServerExceptionMapper
  Response problem(ProblemException e, UriInfo uri) {
    Response.ResponseBuilder builder =
        respond(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), uri);
    e.headers().forEach(builder::header);
    return builder.build();
  }

  @ServerExceptionMapper({
    ConstraintViolationException.class,
    ResteasyReactiveViolationException.class
  })
  Response violations(ConstraintViolationException e, UriInfo uri) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
    }
    errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
    return problem(ProblemException.invalid(errors), uri);
  }

  @ServerExceptionMapper
  Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    String field = jsonPath(e);
    String name = String.valueOf(e.getPropertyName());
    String message =
        SERVER_MANAGED.contains(name)
            ? "is set by the server and cannot be written"
            : "is not a known field";
    return problem(ProblemException.invalid(field, message), uri);
  }

  @ServerExceptionMapper
  Response wrongType(MismatchedInputException e, UriInfo uri) {
    String field = jsonPath(e);
    String message = "must be " + JsonKinds.describe(e.getTargetType());
    return problem(ProblemException.invalid(field.isEmpty() ? "body" : field, message), uri);
  }

  @ServerExceptionMapper
  Response badValue(JsonMappingException e, UriInfo uri) {
    if (e.getCause() instanceof StreamReadException parsing) {
      return malformedJson(parsing, uri); // the JSON broke off inside a field
    }
    if (e instanceof InvalidDefinitionException) {
      return unexpected(e, uri);
    }
    String field = jsonPath(e);
    // Only our own deserializers' messages are written for clients; Jackson's may name classes.
    String message =
        e instanceof JsonSetup.InvalidTextException
            ? e.getOriginalMessage()
            : "has an invalid value";
    return problem(ProblemException.invalid(field.isEmpty() ? "body" : field, message), uri);
  }

  @ServerExceptionMapper({StreamReadException.class, JsonProcessingException.class})
  Response malformedJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof InputCoercionException coercion) {
      return outOfRange(coercion, uri);
    }
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return respond(
            400,
            "/problems/malformed-json",
            "Malformed JSON",
            "The body is not valid JSON" + where,
            null,
            uri)
        .build();
  }

  /** Valid JSON, but a number too large for its field ({@code "position": 99999999999}). */
  private Response outOfRange(InputCoercionException e, UriInfo uri) {
    String field = null;
    JsonParser parser = e.getProcessor();
    if (parser != null) {
      try {
        field = parser.currentName();
      } catch (IOException ignored) {
        // no name to report; fall back to the body
      }
    }
    return problem(
        ProblemException.invalid(field == null ? "body" : field, "is out of range"), uri);
  }

  @ServerExceptionMapper
  Response tooManyFailures(TooManyFailedAttempts e, UriInfo uri) {
    return respond(
            429,
            "/problems/too-many-failed-attempts",
            "Too Many Requests",
            "Too many requests with an invalid token from this client; try again after the time in"
                + " Retry-After",
            null,
            uri)
        .header("Retry-After", String.valueOf(e.retryAfterSeconds()))
        .build();
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  Response unauthenticated(RuntimeException e, UriInfo uri) {
    return respond(
            401,
            "/problems/unauthorized",
            "Unauthorized",
            "Send a valid API token as 'Authorization: Bearer <token>'",
            null,
            uri)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsdesk\"")
        .build();
  }

  @ServerExceptionMapper
  Response forbidden(ForbiddenException e, UriInfo uri) {
    return problem(
        ProblemException.forbidden("Your token's role does not allow this operation"), uri);
  }

  @ServerExceptionMapper
  Response persistence(PersistenceException e, UriInfo uri) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
        return problem(
            new ProblemException(
                412,
                "/problems/precondition-failed",
                "Edited by someone else",
                "Another edit was saved at the same moment; fetch the resource again and reapply your edit",
                null,
                Map.of()),
            uri);
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException c
          && c.getKind()
              == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
        String field = UNIQUE_FIELDS.get(c.getConstraintName());
        return problem(ProblemException.conflict(field, "This value is already taken"), uri);
      }
    }
    return unexpected(e, uri);
  }

  @ServerExceptionMapper
  Response webApplication(WebApplicationException e, UriInfo uri) {
    // The JSON body reader wraps parse and binding failures in a plain 400; unwrap them to name the
    // field.
    if (e.getCause() instanceof JsonMappingException mapping) {
      return badValue(mapping, uri);
    }
    if (e.getCause() instanceof JsonProcessingException parsing) {
      return malformedJson(parsing, uri);
    }
    int status = e.getResponse().getStatus();
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "Error" : type.getReasonPhrase();
    String detail =
        switch (status) {
          case 404 -> "No such resource";
          case 405 -> "This method is not allowed here";
          case 406 -> "This resource is served as application/json only";
          case 413 -> "The body is larger than allowed";
          case 415 -> "Send the body as application/json";
          default -> title;
        };
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.ResponseBuilder builder =
        respond(status, "/problems/" + slug(title), title, detail, null, uri);
    Object allow = e.getResponse().getHeaders().getFirst(HttpHeaders.ALLOW);
    if (allow != null) {
      builder.header(HttpHeaders.ALLOW, allow);
    }
    return builder.build();
  }

  @ServerExceptionMapper
  Response unexpected(Throwable e, UriInfo uri) {
    if (DatabaseErrors.unavailable(e)) {
      LOG.warnf(
          "Database unavailable on %s: %s",
          uri.getRequestUri().getRawPath(), DatabaseErrors.rootMessage(e));
      return respond(
              503,
              "/problems/database-unavailable",
              "Service Unavailable",
              "The database is not answering in time; try again in a few seconds",
              null,
              uri)
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.errorf(e, "Unexpected failure on %s", uri.getRequestUri().getRawPath());
    return respond(
            500,
            "/problems/internal",
            "Internal error",
            "Something went wrong on our side",
            null,
            uri)
        .build();
  }

  /**
   * Seconds a client should wait before retrying a 503: the database could not serve it
   * (unexpected), or this instance is shutting down (RequestIds).
   */
  static final String RETRY_AFTER_SECONDS = "5";

  private static Response.ResponseBuilder respond(
      int status, String type, String title, String detail, List<FieldError> errors, UriInfo uri) {
    Problem body =
        new Problem(type, title, status, detail, uri.getRequestUri().getRawPath(), errors);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
  }

  private static String slug(String title) {
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
