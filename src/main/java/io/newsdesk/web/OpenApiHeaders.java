package io.newsdesk.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the caching headers every delivery response carries once, here, rather than on each
 * operation: ETag, Cache-Control, Surrogate-Key and X-Cache on every 200 of a delivery GET.
 */
public class OpenApiHeaders implements OASFilter {

  private static final Map<String, String> HEADERS =
      Map.of(
          "ETag", "Strong entity tag of this representation; send it as If-None-Match for a 304",
          "Cache-Control", "public, max-age=60, stale-while-revalidate=300 by default",
          "Surrogate-Key", "The entities the response was built from, for CDN purges",
          "X-Cache", "HIT when served from this server's memory, MISS when read for this request");

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              Operation get = item.getGET();
              if (get != null && get.getTags() != null && get.getTags().contains("Delivery")) {
                APIResponse ok =
                    get.getResponses() == null ? null : get.getResponses().getAPIResponse("200");
                if (ok != null) {
                  HEADERS.forEach((name, description) -> ok.addHeader(name, header(description)));
                }
              }
            });
  }

  private static Header header(String description) {
    return OASFactory.createHeader()
        .description(description)
        .schema(
            OASFactory.createSchema()
                .addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
  }
}
