package com.investchn.content.site;

import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.openapi.OpenApiExamples;
import com.investchn.content.common.problem.Problem;
import com.investchn.content.common.problem.ResourceNotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The site record for the portal's header and footer. */
@PublicRead
@Path("/api/v1/site")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Site")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class SiteResource {

  private final SiteService service;

  public SiteResource(SiteService service) {
    this.service = service;
  }

  @GET
  @Operation(
      operationId = "getSite",
      summary = "The site record",
      description = "Name, slogan, contact details and copyright line of the portal.")
  @APIResponse(
      responseCode = "200",
      description = "The site record.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SiteResponse.class),
              examples = @ExampleObject(name = "investchn", value = OpenApiExamples.SITE)))
  @APIResponse(
      responseCode = "404",
      description = "The site record has not been written yet (a new, empty installation).",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public SiteResponse get() {
    return service.site().orElseThrow(() -> new ResourceNotFoundException("site record", "1"));
  }
}
