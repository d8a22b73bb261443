package io.newsdesk.web;

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
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem+json response in {@link Problems}' words. Each type
 * that Quarkus or its extensions map on their own (Jackson's, security's, validation's) is named,
 * since the most specific mapper wins.
 */
class ProblemMapper {

  @ServerExceptionMapper({
    ProblemException.class,
    ConstraintViolationException.class,
    ResteasyReactiveViolationException.class,
    UnrecognizedPropertyException.class,
    MismatchedInputException.class,
    InvalidDefinitionException.class,
    JsonMappingException.class,
    InputCoercionException.class,
    StreamReadException.class,
    JsonProcessingException.class,
    PersistenceException.class,
    WebApplicationException.class,
    TooManyFailedAttempts.class,
    AuthenticationFailedException.class,
    UnauthorizedException.class,
    ForbiddenException.class,
    Throwable.class
  })
  Response problem(Throwable e, UriInfo uri, HttpServerRequest request) {
    String path = uri.getRequestUri().getRawPath();
    ProblemException problem = Problems.of(e, path);
    if (problem.status() == 415) {
      problem = unsupportedMediaType(request.method().name(), path);
    }
    Response.ResponseBuilder builder =
        Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .entity(
                new Problem(
                    problem.type(),
                    problem.title(),
                    problem.status(),
                    problem.getMessage(),
                    path,
                    problem.errors()));
    problem.headers().forEach(builder::header);
    return builder.build();
  }

  /**
   * The type this operation reads: a 415 comes before any resource method is chosen, so it is told
   * by method and path, the same way the routes declare it.
   */
  private static ProblemException unsupportedMediaType(String method, String path) {
    String wanted =
        method.equals("PATCH")
            ? MergePatch.MEDIA_TYPE
            : switch (path) {
              case BodyLimit.STREAMED -> "application/x-ndjson";
              case BodyLimit.UPLOADS ->
                  "multipart/form-data (the image in the part 'file') or an image/* body";
              default -> "application/json";
            };
    return new ProblemException(
        415,
        "/problems/unsupported-media-type",
        "Unsupported Media Type",
        "Send the body as " + wanted,
        null,
        java.util.Map.of());
  }
}
