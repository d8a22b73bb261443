package io.newsdesk;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only endpoint with no security annotation: deny-by-default must lock it for everyone. */
@Path("/test-only/unannotated")
public class UnannotatedProbeResource {

  @GET
  @Operation(hidden = true)
  public String probe() {
    return "this must never be served";
  }
}
