package com.investchn.content.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.web.ApiDefinition;
import com.investchn.content.common.web.JsonMergePatch;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The editorial API for zones. */
@Path("/api/v1/admin/zones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: zones")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@RolesAllowed(Roles.ADMIN)
public class ZoneAdminResource {

  private final ZoneEditor editor;

  public ZoneAdminResource(ZoneEditor editor) {
    this.editor = editor;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a zone")
  @APIResponse(responseCode = "201", description = "Created; ETag is its version.")
  @APIResponse(responseCode = "400", description = "Invalid fields, all listed in errors.")
  @APIResponse(responseCode = "409", description = "Duplicate slug.")
  public RestResponse<ZoneAdminView> create(ZoneInput input, SecurityContext security) {
    ZoneAdminView created =
        editor.create(WriteResponses.requireBody(input), WriteResponses.actor(security));
    return WriteResponses.created("/api/v1/admin/zones/" + created.id(), created);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One zone with its version")
  @APIResponse(responseCode = "200", description = "The zone; ETag is its version.")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<ZoneAdminView> get(@PathParam("id") long id) {
    return WriteResponses.tagged(editor.get(id));
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Update or move a zone",
      description = "A new parentId moves it; under itself or a descendant is a 409.")
  @APIResponse(responseCode = "200", description = "The new state.")
  @APIResponse(responseCode = "409", description = "Duplicate slug, or the move makes a cycle.")
  @APIResponse(responseCode = "412", description = "The zone changed since it was read.")
  @APIResponse(responseCode = "428", description = "If-Match is missing.")
  public RestResponse<ZoneAdminView> replace(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      ZoneInput input,
      SecurityContext security) {
    return WriteResponses.tagged(
        editor.replace(
            id, WriteResponses.requireBody(input), ifMatch, WriteResponses.actor(security)));
  }

  @PATCH
  @Path("/{id}")
  @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "Change some fields (JSON Merge Patch)")
  @APIResponse(responseCode = "200", description = "The new state.")
  public RestResponse<ZoneAdminView> patch(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      JsonNode patch,
      SecurityContext security) {
    return WriteResponses.tagged(editor.patch(id, patch, ifMatch, WriteResponses.actor(security)));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Delete a zone",
      description = "409 while articles or child zones refer to it, unless reassignTo is given.")
  @APIResponse(responseCode = "204", description = "Deleted; a tombstone remains.")
  @APIResponse(responseCode = "409", description = "Articles or child zones refer to it.")
  public RestResponse<Void> delete(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(description = "Zone (id or slug) that takes over its articles and children.")
          @QueryParam("reassignTo")
          String reassignTo,
      SecurityContext security) {
    editor.delete(id, ifMatch, reassignTo, WriteResponses.actor(security));
    return RestResponse.noContent();
  }
}
