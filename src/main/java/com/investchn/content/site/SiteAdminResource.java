package com.investchn.content.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.JsonMergePatch;
import com.investchn.content.common.write.WriteResponses;
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

/** The editorial API for the site record. */
@Path("/api/v1/admin/site")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: site")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
@RolesAllowed(Roles.ADMIN)
public class SiteAdminResource {

  private static final String PATCH =
      "The members of SiteInput to change; a member set to null is cleared.";

  private final SiteEditor editor;

  public SiteAdminResource(SiteEditor editor) {
    this.editor = editor;
  }

  @GET
  @Operation(operationId = "getAdminSite", summary = "The site record with its version")
  @APIResponse(
      responseCode = "200",
      description = "The record; ETag is its version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<SiteAdminView> get() {
    return WriteResponses.tagged(editor.get());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replaceSite",
      summary = "Replace the site record",
      description = "Needs If-Match once the record exists; the first write creates it.")
  @APIResponse(
      responseCode = "200",
      description = "The new record; ETag is its new version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "428", ref = ApiDefinition.PRECONDITION_REQUIRED)
  public RestResponse<SiteAdminView> replace(
      @Parameter(description = ApiDefinition.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      SiteInput input,
      SecurityContext security) {
    return WriteResponses.tagged(
        editor.replace(WriteResponses.requireBody(input), ifMatch, WriteResponses.actor(security)));
  }

  @PATCH
  @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "patchSite",
      summary = "Change some fields (JSON Merge Patch)",
      description = "RFC 7396: given members replace, null clears.")
  @APIResponse(
      responseCode = "200",
      description = "The new record; ETag is its new version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  @APIResponse(responseCode = "428", ref = ApiDefinition.PRECONDITION_REQUIRED)
  public RestResponse<SiteAdminView> patch(
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
    return WriteResponses.tagged(editor.patch(patch, ifMatch, WriteResponses.actor(security)));
  }
}
