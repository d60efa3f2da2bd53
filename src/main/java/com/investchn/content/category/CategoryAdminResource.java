package com.investchn.content.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.JsonMergePatch;
import com.investchn.content.common.write.WriteResponses;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
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

/** The editorial API for categories (channels). */
@Path("/api/v1/admin/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: categories")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
@RolesAllowed(Roles.ADMIN)
public class CategoryAdminResource {

  private static final String PATCH =
      "The members of CategoryInput to change; a member set to null is cleared.";

  private final CategoryEditor editor;

  public CategoryAdminResource(CategoryEditor editor) {
    this.editor = editor;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createCategory", summary = "Create a category")
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
              schema = @Schema(implementation = CategoryAdminView.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  public RestResponse<CategoryAdminView> create(CategoryInput input, SecurityContext security) {
    CategoryAdminView created =
        editor.create(WriteResponses.requireBody(input), WriteResponses.actor(security));
    return WriteResponses.created("/api/v1/admin/categories/" + created.id(), created);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getAdminCategory", summary = "One category with its version")
  @APIResponse(
      responseCode = "200",
      description = "The category; ETag is its version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<CategoryAdminView> get(@Parameter(example = "1") @PathParam("id") long id) {
    return WriteResponses.tagged(editor.get(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceCategory",
      summary = "Update or move a category",
      description = "A new parentId moves it; under itself or a descendant is a 409.")
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
  public RestResponse<CategoryAdminView> replace(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH, required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      CategoryInput input,
      SecurityContext security) {
    return WriteResponses.tagged(
        editor.replace(
            id, WriteResponses.requireBody(input), ifMatch, WriteResponses.actor(security)));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "patchCategory",
      summary = "Change some fields (JSON Merge Patch)",
      description = "RFC 7396: given members replace, null clears; a new parentId moves it.")
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
  public RestResponse<CategoryAdminView> patch(
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
      operationId = "deleteCategory",
      summary = "Delete a category",
      description =
          "409 while articles or child categories refer to it, unless reassignTo is given.")
  @APIResponse(responseCode = "204", description = "Deleted; a tombstone remains.")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "409", ref = ApiDefinition.CONFLICT)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  @APIResponse(responseCode = "428", ref = ApiDefinition.PRECONDITION_REQUIRED)
  public RestResponse<Void> delete(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH, required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Parameter(description = "Category (id or slug) that takes over its articles and children.")
          @QueryParam("reassignTo")
          String reassignTo,
      SecurityContext security) {
    editor.delete(id, ifMatch, reassignTo, WriteResponses.actor(security));
    return RestResponse.noContent();
  }
}
