package com.investchn.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.paging.PagedResponses;
import com.investchn.content.common.paging.PagingParams;
import com.investchn.content.common.problem.InvalidParameterException;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.JsonMergePatch;
import com.investchn.content.common.write.WriteResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The editorial API for articles: writes with If-Match, drafts, scheduling, publishing. */
@Path("/api/v1/admin/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: articles")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
public class ArticleAdminResource {

  private static final String PATCH =
      "The members of ArticleInput to change; a member set to null is cleared.";

  private final ArticleEditor editor;

  public ArticleAdminResource(ArticleEditor editor) {
    this.editor = editor;
  }

  @GET
  @Operation(
      operationId = "listAdminArticles",
      summary = "List all articles",
      description = "Drafts and scheduled ones too.")
  @APIResponse(
      responseCode = "200",
      description = "One page, newest id first.",
      headers = {
        @Header(name = ApiDefinition.TOTAL_COUNT, ref = ApiDefinition.TOTAL_COUNT),
        @Header(name = ApiDefinition.LINK, ref = ApiDefinition.LINK)
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<PageResponse<ArticleAdminView>> list(
      @Parameter(
              description = "Only articles of this status; every status when absent.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"draft", "published"}))
          @QueryParam("status")
          String status,
      @BeanParam PagingParams paging,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, "status", "page", "size");
    ArticleStatus wanted = null;
    if (status != null) {
      wanted =
          switch (status) {
            case "draft" -> ArticleStatus.DRAFT;
            case "published" -> ArticleStatus.PUBLISHED;
            default ->
                throw new InvalidParameterException(
                    "status", "must be draft or published, got '" + status + "'.");
          };
    }
    return PagedResponses.ok(editor.list(wanted, paging.parse(null)), uriInfo);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createArticle",
      summary = "Create an article",
      description = "Draft unless status is published.")
  @APIResponse(
      responseCode = "201",
      description = "Created; ETag is its version.",
      headers = {
        @Header(name = ApiDefinition.LOCATION, ref = ApiDefinition.LOCATION),
        @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG)
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ArticleAdminView.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  public RestResponse<ArticleAdminView> create(ArticleInput input, SecurityContext security) {
    ArticleAdminView created =
        editor.create(WriteResponses.requireBody(input), WriteResponses.actor(security));
    return WriteResponses.created("/api/v1/admin/articles/" + created.id(), created);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getAdminArticle", summary = "One article, any status")
  @APIResponse(
      responseCode = "200",
      description = "The article; ETag is its version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<ArticleAdminView> get(@Parameter(example = "1") @PathParam("id") long id) {
    return WriteResponses.tagged(editor.get(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceArticle",
      summary = "Replace an article",
      description = "Needs If-Match with the ETag read.")
  @APIResponse(
      responseCode = "200",
      description = "The new state; ETag is its new version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "428", ref = ApiDefinition.PRECONDITION_REQUIRED)
  public RestResponse<ArticleAdminView> replace(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH, required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      ArticleInput input,
      SecurityContext security) {
    return WriteResponses.tagged(
        editor.replace(
            id, WriteResponses.requireBody(input), ifMatch, WriteResponses.actor(security)));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "patchArticle",
      summary = "Change some fields",
      description = "JSON Merge Patch (RFC 7396): given members replace, null clears.")
  @APIResponse(
      responseCode = "200",
      description = "The new state; ETag is its new version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "428", ref = ApiDefinition.PRECONDITION_REQUIRED)
  public RestResponse<ArticleAdminView> patch(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH, required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = JsonMergePatch.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.OBJECT, description = PATCH)),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, description = PATCH))
              })
          JsonNode patch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.patch(id, patch, ifMatch, WriteResponses.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteArticle",
      summary = "Delete an article",
      description = "Leaves a tombstone for partners.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  @APIResponse(responseCode = "428", ref = ApiDefinition.PRECONDITION_REQUIRED)
  public RestResponse<Void> delete(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH, required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      SecurityContext security) {
    editor.delete(id, ifMatch, WriteResponses.actor(security));
    return RestResponse.noContent();
  }

  @POST
  @Path("/{id}/publish")
  @Operation(
      operationId = "publishArticle",
      summary = "Publish",
      description = "Now, or at publishedAt when that lies in the future (scheduled).")
  @APIResponse(
      responseCode = "200",
      description = "The published article; ETag is its new version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  public RestResponse<ArticleAdminView> publish(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.publish(id, ifMatch, WriteResponses.actor(security)));
  }

  @POST
  @Path("/{id}/unpublish")
  @Operation(
      operationId = "unpublishArticle",
      summary = "Unpublish",
      description = "Back to draft; gone from the public API.")
  @APIResponse(
      responseCode = "200",
      description = "The article, now a draft; ETag is its new version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  public RestResponse<ArticleAdminView> unpublish(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.unpublish(id, ifMatch, WriteResponses.actor(security)));
  }
}
