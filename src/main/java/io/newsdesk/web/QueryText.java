package io.newsdesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a query parameter that is not clean text (see CleanText: a NUL, say) with a 400 naming
 * it, before any resource sees it: PostgreSQL cannot compare NUL in text at all (it failed as a 500
 * in the audit log's filters, found by FuzzIT). Bodies get the same rule from JsonSetup.
 */
class QueryText {

  @ServerRequestFilter(preMatching = true)
  void refuseUncleanText(ContainerRequestContext request) {
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
