package com.investchn.content.admin;

import com.investchn.content.common.security.Roles;
import com.investchn.content.common.web.ApiDefinition;
import com.investchn.content.common.web.WriteResponses;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin management of API tokens. */
@Path("/api/v1/admin/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: tokens")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@RolesAllowed(Roles.ADMIN)
public class TokenResource {

  private final TokenService service;

  public TokenResource(TokenService service) {
    this.service = service;
  }

  @POST
  @Operation(summary = "Issue a token", description = "The secret is in this answer only.")
  @APIResponse(responseCode = "201", description = "The new token with its secret.")
  public RestResponse<IssuedToken> issue(TokenRequest request, SecurityContext security) {
    IssuedToken issued = service.issue(request, WriteResponses.actor(security));
    return RestResponse.ResponseBuilder.<IssuedToken>created(
            URI.create("/api/v1/admin/tokens/" + issued.id()))
        .entity(issued)
        .build();
  }

  @GET
  @Operation(summary = "List tokens", description = "Every token, without secrets.")
  public List<TokenView> list() {
    return service.list();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Revoke a token",
      description = "Effective at once; revoking twice is harmless.")
  @APIResponse(responseCode = "200", description = "The revoked token.")
  public TokenView revoke(@PathParam("id") long id) {
    return service.revoke(id);
  }
}
