package io.newsdesk.article.manage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsdesk.article.ArticleInput;
import io.newsdesk.article.ArticlePatches;
import io.newsdesk.article.ArticleSummary;
import io.newsdesk.article.ManageArticleService;
import io.newsdesk.article.ManagedArticleView;
import io.newsdesk.article.PublishInput;
import io.newsdesk.article.Status;
import io.newsdesk.auth.CurrentCaller;
import io.newsdesk.auth.Role;
import io.newsdesk.teaser.TeaserInput;
import io.newsdesk.teaser.TeaserSettings;
import io.newsdesk.text.Slugs;
import io.newsdesk.web.Links;
import io.newsdesk.web.MergePatch;
import io.newsdesk.web.Page;
import io.newsdesk.web.PageParams;
import io.newsdesk.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Editors and contributors write articles; editors publish, unpublish and archive them. */
@Path("/api/v1/manage/articles")
@RolesAllowed(Role.CONTRIBUTOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles (management)")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
class ManageArticleResource {

  private final ManageArticleService articles;
  private final IdempotentCreates idempotent;
  private final ArticlePatches patches;
  private final CurrentCaller caller;

  ManageArticleResource(
      ManageArticleService articles,
      IdempotentCreates idempotent,
      ArticlePatches patches,
      CurrentCaller caller) {
    this.articles = articles;
    this.idempotent = idempotent;
    this.patches = patches;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a draft",
      description =
          "Renders the body (Markdown or HTML) to sanitized HTML and text, and writes the teaser."
              + " The slug is generated from the title when absent. With an Idempotency-Key, a"
              + " retry with the same key and body within 24 hours returns the first answer (same"
              + " id, 201) instead of creating another article; the same key with another body is"
              + " a 422.")
  @APIResponse(
      responseCode = "201",
      description = "Created as a draft",
      headers =
          @Header(
              name = "ETag",
              description = "The version, for If-Match",
              schema = @Schema(type = SchemaType.STRING)),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ManagedArticleView.class)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
  public RestResponse<ManagedArticleView> createArticle(
      @HeaderParam("Idempotency-Key")
          @Size(min = 1, max = 200)
          @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be printable ASCII without spaces")
          @Parameter(description = "Any unique string you choose, such as a UUID, per new article")
          String idempotencyKey,
      @NotNull @Valid ArticleInput body,
      @Context HttpHeaders headers)
      throws JsonProcessingException {
    if (idempotencyKey == null && headers.getHeaderString("Idempotency-Key") != null) {
      // the REST layer reads an empty header as none: a key sent empty must not mean "no key"
      throw ProblemException.invalid("Idempotency-Key", "must not be empty");
    }
    IdempotentCreates.Created result =
        idempotencyKey == null
            ? new IdempotentCreates.Created(articles.create(body, caller.get()), false)
            : idempotent.create(idempotencyKey, body, caller.get());
    ManagedArticleView created = result.article();
    RestResponse.ResponseBuilder<ManagedArticleView> response =
        Links.<ManagedArticleView>created("/api/v1/manage/articles/" + created.id())
            .entity(created)
            .header(HttpHeaders.ETAG, created.etag());
    if (result.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MergePatch.MEDIA_TYPE)
  @Operation(
      summary = "Change part of an article",
      description =
          "A JSON Merge Patch (RFC 7396) of the ArticleInput fields: absent fields stay as they"
              + " are, null clears an optional field (a required one, title or category, cannot be"
              + " cleared), arrays are replaced whole. Needs If-Match, like PUT.")
  @APIResponse(responseCode = "200", description = "The article as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public RestResponse<ManagedArticleView> patchArticle(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") @Parameter(description = "The ETag you read") String ifMatch,
      @RequestBody(
              content =
                  @Content(
                      mediaType = MergePatch.MEDIA_TYPE,
                      schema = @Schema(implementation = ArticleInput.class)))
          JsonNode patch)
      throws JsonProcessingException {
    return withEtag(
        articles.rewrite(
            id, ifMatch, current -> patches.merge(current, patch), caller.get(), "patched"));
  }

  @GET
  @Operation(
      summary = "List articles",
      description = "Any status, most recently changed first; page-number mode with totals.")
  @APIResponse(responseCode = "200", description = "A page of article summaries")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  public RestResponse<Page<ArticleSummary>> listArticles(
      @QueryParam("status") Status status,
      @QueryParam("category")
          @Size(max = 100)
          @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
          String category,
      @QueryParam("q")
          @Size(max = 200)
          @Parameter(description = "Words in the title (case-insensitive)")
          String q,
      @Valid @BeanParam PageParams paging,
      UriInfo uri) {
    return Links.page(
        articles.list(
            status, category, blankToNull(q), paging.page(), paging.limit(), caller.get()),
        uri);
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "Get an article",
      description = "Any status. The ETag carries the version for If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The article",
      headers =
          @Header(
              name = "ETag",
              description = "The version, for If-Match",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<ManagedArticleView> getManagedArticle(@PathParam("id") UUID id) {
    return withEtag(articles.get(id, caller.get()));
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace an article's content",
      description =
          "Needs If-Match with the ETag from GET: without it 428, with a stale one 412 (and the"
              + " current ETag). Contributors may edit only their own drafts. An absent slug keeps the"
              + " current one. The status does not change.")
  @APIResponse(
      responseCode = "200",
      description = "The article as stored",
      headers =
          @Header(
              name = "ETag",
              description = "The new version",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  @APIResponse(responseCode = "428", ref = "PreconditionRequired")
  public RestResponse<ManagedArticleView> replaceArticle(
      @PathParam("id") UUID id,
      @HeaderParam(HttpHeaders.IF_MATCH)
          @Parameter(
              in = ParameterIn.HEADER,
              required = true,
              description = "The ETag of the version being edited",
              example = "\"3\"")
          String ifMatch,
      @NotNull @Valid ArticleInput body) {
    return withEtag(articles.replace(id, ifMatch, body, caller.get()));
  }

  @POST
  @Path("{id}/publish")
  @RolesAllowed(Role.EDITOR)
  @Operation(
      summary = "Publish an article",
      description =
          "No body or no publishAt: now (a live article keeps its date). A future publishAt"
              + " schedules: readers see the article from then on. A past one back-dates.")
  @APIResponse(responseCode = "200", description = "The article as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @RequestBody(
      required = false,
      description =
          "Optional: a publication time; send no body (and no Content-Type) to publish now",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PublishInput.class)))
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public RestResponse<ManagedArticleView> publishArticle(
      @PathParam("id") UUID id, @Valid PublishInput body) {
    return withEtag(articles.publish(id, body, caller.get()));
  }

  @POST
  @Path("{id}/unpublish")
  @RolesAllowed(Role.EDITOR)
  @Operation(
      summary = "Unpublish an article",
      description = "Back to draft; gone from delivery at once.")
  @APIResponse(responseCode = "200", description = "The article as stored")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public RestResponse<ManagedArticleView> unpublishArticle(@PathParam("id") UUID id) {
    return withEtag(articles.unpublish(id, caller.get()));
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Role.EDITOR)
  @Operation(
      summary = "Archive (or purge) an article",
      description =
          "Archives: gone from delivery, kept for editors. With purge=true (admins only) the"
              + " article is deleted for good.")
  @APIResponse(responseCode = "204", description = "Archived or purged")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public void archiveArticle(
      @PathParam("id") UUID id,
      @QueryParam("purge")
          @DefaultValue("false")
          @Parameter(description = "Delete for good (admins only)")
          Boolean purge) {
    if (!purge) {
      articles.archive(id, caller.get());
    } else if (caller.get().atLeast(Role.admin)) {
      articles.purge(id);
    } else {
      throw ProblemException.forbidden("Only admins may purge articles");
    }
  }

  @GET
  @Path("{id}/teaser")
  @Operation(
      summary = "Get an article's teaser",
      description = "What readers get, and the editor's override.")
  @APIResponse(responseCode = "200", description = "The teaser")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  public TeaserSettings getTeaser(@PathParam("id") UUID id) {
    return articles.teaser(id, caller.get());
  }

  @PUT
  @Path("{id}/teaser")
  @RolesAllowed(Role.EDITOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Override an article's teaser",
      description =
          "Sets the title, excerpt and image readers see in lists. An absent field goes back to"
              + " what the article gives. The override survives later edits of the article.")
  @APIResponse(responseCode = "200", description = "The teaser")
  @APIResponse(responseCode = "400", ref = "BadRequest")
  @APIResponse(responseCode = "404", ref = "NotFound")
  @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
  public TeaserSettings overrideTeaser(@PathParam("id") UUID id, @NotNull @Valid TeaserInput body) {
    return articles.overrideTeaser(id, body);
  }

  private static RestResponse<ManagedArticleView> withEtag(ManagedArticleView view) {
    return RestResponse.ResponseBuilder.ok(view).header(HttpHeaders.ETAG, view.etag()).build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
