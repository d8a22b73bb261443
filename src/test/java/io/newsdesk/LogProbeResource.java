package io.newsdesk;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * A test-only endpoint that writes one log line, so a test can see what a request's lines carry.
 */
@Path("/test-only/log")
@PermitAll
public class LogProbeResource {

  static final String LOGGER = "io.newsdesk.LogProbe";

  @GET
  @Operation(hidden = true)
  public String log() {
    Logger.getLogger(LOGGER).info("probe line");
    return "logged";
  }
}
