package com.investchn.content.admin;

import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.openapi.OpenApiExamples;
import com.investchn.content.common.problem.Problem;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.WriteResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin management of API tokens. */
@Path("/api/v1/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tokens")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

  private final TokenService service;

  public TokenResource(TokenService service) {
    this.service = service;
  }

  @POST
  @Operation(
      operationId = "issueToken",
      summary = "Issue a token",
      description = "The secret is in this answer only; it is stored as a SHA-256 hash.")
  @APIResponse(
      responseCode = "201",
      description = "The new token with its secret.",
      headers = @Header(name = ApiDefinition.LOCATION, ref = ApiDefinition.LOCATION),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = IssuedToken.class),
              examples = @ExampleObject(name = "editor", value = OpenApiExamples.ISSUED_TOKEN)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(
      responseCode = "409",
      description = "Another token, or the bootstrap token, already has this name.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  public RestResponse<IssuedToken> issue(TokenRequest request, SecurityContext security) {
    IssuedToken issued = service.issue(request, WriteResponses.actor(security));
    return RestResponse.ResponseBuilder.<IssuedToken>created(
            URI.create("/api/v1/admin/tokens/" + issued.id()))
        .entity(issued)
        .build();
  }

  @GET
  @Operation(
      operationId = "listTokens",
      summary = "List tokens",
      description =
          "Every issued token, revoked and expired ones too, without secrets; first, while the"
              + " service runs with one, the bootstrap token (id 0, bootstrap: true).")
  @APIResponse(
      responseCode = "200",
      description = "Every issued token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = TokenView.class)))
  public List<TokenView> list() {
    return service.list();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getToken",
      summary = "One token",
      description = "A token without its secret, revoked and expired ones too.")
  @APIResponse(
      responseCode = "200",
      description = "The token.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TokenView.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public TokenView get(@Parameter(example = "1") @PathParam("id") long id) {
    return service
        .find(id)
        .orElseThrow(() -> new ResourceNotFoundException("token", Long.toString(id)));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "revokeToken",
      summary = "Revoke a token",
      description =
          "Effective at once; revoking twice is harmless. The token stays listed with its"
              + " revokedAt.")
  @APIResponse(responseCode = "204", description = "Revoked.")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(
      responseCode = "409",
      description =
          "The bootstrap token (id 0) cannot be revoked; restart without it in the configuration.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public RestResponse<Void> revoke(@Parameter(example = "1") @PathParam("id") long id) {
    service.revoke(id);
    return RestResponse.noContent();
  }
}
