package io.newsdesk.web;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;

/**
 * A client-visible failure with its RFC 9457 shape. It extends {@link WebApplicationException} so
 * that the REST layer passes it through unchanged, even from parameter converters.
 */
public class ProblemException extends WebApplicationException {

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final Map<String, String> headers;

  public ProblemException(
      int status,
      String type,
      String title,
      String detail,
      List<FieldError> errors,
      Map<String, String> headers) {
    super(detail, status);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
    this.headers = headers;
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldError(field, message)));
  }

  public static ProblemException invalid(List<FieldError> errors) {
    String detail =
        errors.size() == 1
            ? errors.get(0).field() + ": " + errors.get(0).message()
            : errors.size() + " fields are not valid";
    return new ProblemException(
        400, "/problems/validation", "Request is not valid", detail, errors, Map.of());
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(404, "/problems/not-found", "Not found", detail, null, Map.of());
  }

  public static ProblemException conflict(String field, String detail) {
    List<FieldError> errors = field == null ? null : List.of(new FieldError(field, detail));
    return new ProblemException(409, "/problems/conflict", "Conflict", detail, errors, Map.of());
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(403, "/problems/forbidden", "Forbidden", detail, null, Map.of());
  }

  public static ProblemException preconditionRequired() {
    return new ProblemException(
        428,
        "/problems/precondition-required",
        "If-Match required",
        "Send If-Match with the ETag of the version you edited, so no other edit is overwritten",
        null,
        Map.of());
  }

  public static ProblemException preconditionFailed(String currentEtag) {
    return new ProblemException(
        412,
        "/problems/precondition-failed",
        "Edited by someone else",
        currentEtag == null
            ? "It does not exist yet, so no If-Match can match; send none to create it"
            : "It changed since the version in If-Match; fetch it again and reapply your edit",
        null,
        currentEtag == null ? Map.of() : Map.of("ETag", currentEtag));
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public List<FieldError> errors() {
    return errors;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
