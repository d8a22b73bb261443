package io.newsdesk.search;

import io.newsdesk.cache.Delivery;
import io.newsdesk.cache.Reply;
import io.newsdesk.cache.SurrogateKeys;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Fields;
import io.newsdesk.web.Links;
import io.newsdesk.web.Page;
import io.newsdesk.web.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Readers search published articles. */
@Path("/api/v1/search")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery")
class SearchResource {

  private final SearchService search;
  private final Delivery delivery;

  SearchResource(SearchService search, Delivery delivery) {
    this.search = search;
    this.delivery = delivery;
  }

  @GET
  @Operation(
      summary = "Search published articles",
      description =
          "Full-text search, best match first: a match in the title counts more than one in the"
              + " standfirst, which counts more than one in the body. Web search syntax: words"
              + " (all must match, in any form: 'storms' finds 'storm'), \"quoted phrases\","
              + " -excluded words, and 'or'. Each hit carries a snippet with the matches in"
              + " <mark>. Page-number mode with totals. Drafts and scheduled articles are never"
              + " found.")
  @APIResponse(responseCode = "200", description = "A page of hits")
  @APIResponse(responseCode = "304", ref = "NotModified")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<SearchHit>> search(
      @QueryParam("q")
          @NotBlank
          @Size(max = 200)
          @Parameter(
              description = "What to look for, in web search syntax",
              example = "harbour storm -ferry")
          String q,
      @QueryParam("category")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          @Parameter(description = "Only this category's articles", example = "world")
          String category,
      @QueryParam("page")
          @DefaultValue("1")
          @Min(value = 1, message = "must be between 1 and 1000")
          @Max(value = 1000, message = "must be between 1 and 1000")
          @Parameter(description = "Page number")
          Integer page,
      @QueryParam("limit")
          @DefaultValue("20")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = 100, message = "must be between 1 and 100")
          @Parameter(description = "Hits per page")
          Integer limit,
      @QueryParam("fields")
          @Size(max = 500)
          @Parameter(
              description =
                  "Only these fields of each hit, comma-separated (body.html, body.text or body.blocks for part of a"
                      + " body); unknown names are a 400; members not named are left out, required ones too",
              example = "slug,title,snippet")
          String fields,
      @QueryParam("cursor") @Parameter(hidden = true) String cursor,
      @Context UriInfo uri,
      @Context HttpServerRequest request) {
    if (cursor != null) {
      // search pages by number; a cursor meant for the feed must not be silently ignored
      throw ProblemException.invalid(
          "cursor", "search is paged by number: use page (cursors are for the feeds)");
    }
    Fields selection = Fields.parse(fields, SearchHit.class);
    return delivery.respond(
        request,
        () -> {
          Page<SearchHit> hits = search.search(q.strip(), category, page, limit);
          Set<String> keys = new LinkedHashSet<>();
          keys.add(SurrogateKeys.FEED);
          keys.add(SurrogateKeys.CONTENT);
          hits.items().forEach(hit -> keys.add(SurrogateKeys.article(hit.id())));
          return Reply.json(hits, keys)
              .fields(selection, true)
              .header("Link", Links.header(hits, uri));
        });
  }
}
