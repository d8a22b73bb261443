package io.newsdesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter that holds a control character other than tab, line feed and return
 * (NUL among them) with a 400 naming it, before any resource sees it: no parameter has a use for
 * one, and PostgreSQL cannot compare NUL in text at all (it failed as a 500 in the audit log's
 * filters, found by FuzzIT). Bodies get the same rule from JsonSetup.
 */
class QueryText {

  @ServerRequestFilter(preMatching = true)
  void refuseControlCharacters(ContainerRequestContext request) {
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.chars().anyMatch(QueryText::control)) {
          throw ProblemException.invalid(
              parameter.getKey(), "must not contain control characters such as NUL");
        }
      }
    }
  }

  /** As JsonSetup's rule for strings: C0 controls but tab, line feed and return, and DEL. */
  private static boolean control(int c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
  }
}
