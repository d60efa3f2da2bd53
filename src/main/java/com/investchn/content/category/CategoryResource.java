package com.investchn.content.category;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.openapi.OpenApiExamples;
import com.investchn.content.common.problem.ResourceNotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public read endpoints for the channel tree. */
@PublicRead
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Categories")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class CategoryResource {

  private final CategoryService service;

  public CategoryResource(CategoryService service) {
    this.service = service;
  }

  @GET
  @Operation(
      operationId = "getCategoryTree",
      summary = "The whole category tree",
      description = "Every channel, nested under its parent; siblings ordered by position.")
  @APIResponse(responseCode = "200", description = "The top-level channels with nested children.")
  public List<CategoryTreeNode> tree() {
    return service.tree();
  }

  @GET
  @Path("/{idOrSlug}")
  @Operation(
      operationId = "getCategory",
      summary = "One category",
      description = "A channel with its ancestors (top level first) and its direct children.")
  @APIResponse(
      responseCode = "200",
      description = "The category.",
      headers = @Header(name = ApiDefinition.LINK, ref = ApiDefinition.FEED_LINKS))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public CategoryDetail get(
      @Parameter(description = "Numeric id or slug.", example = OpenApiExamples.REFERENCE_CATEGORY)
          @PathParam("idOrSlug")
          String idOrSlug) {
    return service
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(() -> new ResourceNotFoundException("category", idOrSlug));
  }
}
