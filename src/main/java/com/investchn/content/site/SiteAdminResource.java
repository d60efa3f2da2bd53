package com.investchn.content.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.web.ApiDefinition;
import com.investchn.content.common.web.JsonMergePatch;
import com.investchn.content.common.web.WriteResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The editorial API for the site record. */
@Path("/api/v1/admin/site")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: site")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@RolesAllowed(Roles.ADMIN)
public class SiteAdminResource {

  private final SiteEditor editor;

  public SiteAdminResource(SiteEditor editor) {
    this.editor = editor;
  }

  @GET
  @Operation(summary = "The site record with its version")
  @APIResponse(responseCode = "200", description = "The record; ETag is its version.")
  public RestResponse<SiteAdminView> get() {
    return WriteResponses.tagged(editor.get());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the site record", description = "Needs If-Match.")
  @APIResponse(responseCode = "200", description = "The new record.")
  @APIResponse(responseCode = "412", description = "The record changed since it was read.")
  @APIResponse(responseCode = "428", description = "If-Match is missing.")
  public RestResponse<SiteAdminView> replace(
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      SiteInput input,
      SecurityContext security) {
    return WriteResponses.tagged(
        editor.replace(WriteResponses.requireBody(input), ifMatch, WriteResponses.actor(security)));
  }

  @PATCH
  @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(summary = "Change some fields (JSON Merge Patch)")
  @APIResponse(responseCode = "200", description = "The new record.")
  public RestResponse<SiteAdminView> patch(
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode patch, SecurityContext security) {
    return WriteResponses.tagged(editor.patch(patch, ifMatch, WriteResponses.actor(security)));
  }
}
