package com.investchn.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.web.ApiDefinition;
import com.investchn.content.common.web.InvalidParameterException;
import com.investchn.content.common.web.JsonMergePatch;
import com.investchn.content.common.web.PageRequest;
import com.investchn.content.common.web.PageResponse;
import com.investchn.content.common.web.PagedResponses;
import com.investchn.content.common.web.QueryParameters;
import com.investchn.content.common.web.WriteResponses;
import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The editorial API for articles: writes with If-Match, drafts, scheduling, publishing. */
@Path("/api/v1/admin/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: articles")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@RolesAllowed({Roles.EDITOR, Roles.ADMIN})
public class ArticleAdminResource {

  private final ArticleEditor editor;

  public ArticleAdminResource(ArticleEditor editor) {
    this.editor = editor;
  }

  @GET
  @Operation(summary = "List all articles", description = "Drafts and scheduled ones too.")
  @APIResponse(responseCode = "200", description = "One page, newest id first.")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<PageResponse<ArticleAdminView>> list(
      @Parameter(description = "draft or published") @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
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
    return PagedResponses.ok(editor.list(wanted, PageRequest.parse(page, size, null)), uriInfo);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an article", description = "Draft unless status is published.")
  @APIResponse(responseCode = "201", description = "Created; ETag is its version.")
  @APIResponse(responseCode = "400", description = "Invalid fields, all listed in errors.")
  @APIResponse(responseCode = "409", description = "Duplicate slug or externalId.")
  public RestResponse<ArticleAdminView> create(ArticleInput input, SecurityContext security) {
    ArticleAdminView created =
        editor.create(WriteResponses.requireBody(input), WriteResponses.actor(security));
    return WriteResponses.created("/api/v1/admin/articles/" + created.id(), created);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One article, any status")
  @APIResponse(responseCode = "200", description = "The article; ETag is its version.")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<ArticleAdminView> get(@PathParam("id") long id) {
    return WriteResponses.tagged(editor.get(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace an article", description = "Needs If-Match with the ETag read.")
  @APIResponse(responseCode = "200", description = "The new state; ETag is its new version.")
  @APIResponse(responseCode = "412", description = "The article changed since it was read.")
  @APIResponse(responseCode = "428", description = "If-Match is missing.")
  public RestResponse<ArticleAdminView> replace(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
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
      summary = "Change some fields",
      description = "JSON Merge Patch (RFC 7396): given members replace, null clears.")
  @APIResponse(responseCode = "200", description = "The new state; ETag is its new version.")
  @APIResponse(responseCode = "412", description = "The article changed since it was read.")
  @APIResponse(responseCode = "428", description = "If-Match is missing.")
  public RestResponse<ArticleAdminView> patch(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode patch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.patch(id, patch, ifMatch, WriteResponses.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete an article", description = "Leaves a tombstone for partners.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "412", description = "The article changed since it was read.")
  @APIResponse(responseCode = "428", description = "If-Match is missing.")
  public RestResponse<Void> delete(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      SecurityContext security) {
    editor.delete(id, ifMatch, WriteResponses.actor(security));
    return RestResponse.noContent();
  }

  @POST
  @Path("/{id}/publish")
  @Operation(
      summary = "Publish",
      description = "Now, or at publishedAt when that lies in the future (scheduled).")
  @APIResponse(responseCode = "200", description = "The published article.")
  public RestResponse<ArticleAdminView> publish(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.publish(id, ifMatch, WriteResponses.actor(security)));
  }

  @POST
  @Path("/{id}/unpublish")
  @Operation(summary = "Unpublish", description = "Back to draft; gone from the public API.")
  @APIResponse(responseCode = "200", description = "The article, now a draft.")
  public RestResponse<ArticleAdminView> unpublish(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.unpublish(id, ifMatch, WriteResponses.actor(security)));
  }
}
