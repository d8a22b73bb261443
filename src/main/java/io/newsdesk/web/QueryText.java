package io.newsdesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter that is not clean text with a 400 naming it, before any resource sees
 * it: escapes that do not decode to UTF-8 (the HTTP layer would silently make them U+FFFD), and
 * what CleanText refuses (a NUL, say: PostgreSQL cannot compare NUL in text at all; it failed as a
 * 500 in the audit log's filters, found by FuzzIT). Bodies get the same rules from StrictUtf8 and
 * JsonSetup.
 */
class QueryText {

  @ServerRequestFilter(preMatching = true)
  void refuseUncleanText(ContainerRequestContext request) {
    String query = request.getUriInfo().getRequestUri().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        if (!StrictUtf8.percentDecodesToUtf8(pair)) {
          throw ProblemException.invalid(
              StrictUtf8.percentDecodesToUtf8(name) ? name : "query",
              "must be valid UTF-8 once percent-decoded");
        }
      }
    }
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        String problem = CleanText.problem(value);
        if (problem != null) {
          throw ProblemException.invalid(parameter.getKey(), problem);
        }
      }
    }
  }
}
