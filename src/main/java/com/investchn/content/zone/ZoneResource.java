package com.investchn.content.zone;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.openapi.OpenApiExamples;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.paging.PagedResponses;
import com.investchn.content.common.paging.PagingParams;
import com.investchn.content.common.problem.ResourceNotFoundException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Public read endpoints for the zone tree. */
@PublicRead
@Path("/api/v1/zones")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Zones")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class ZoneResource {

  private final ZoneService service;

  public ZoneResource(ZoneService service) {
    this.service = service;
  }

  @GET
  @Operation(
      operationId = "listZones",
      summary = "List zones",
      description =
          "A paged flat list of zones ordered by the pinyin of their Chinese names (zh-CN"
              + " collation: 北京市, 上海市, 四川省, 天津市), ties by id; optionally only the children"
              + " of one zone, one kind or one level.")
  @APIResponse(
      responseCode = "200",
      description = "One page of zones.",
      headers = {
        @Header(name = ApiDefinition.TOTAL_COUNT, ref = ApiDefinition.TOTAL_COUNT),
        @Header(name = ApiDefinition.LINK, ref = ApiDefinition.LINK)
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<PageResponse<ZoneResponse>> list(
      @Parameter(
              description =
                  "Only children of this zone (id or slug), e.g. `beijing`; `root` for the top"
                      + " level.")
          @QueryParam("parent")
          String parent,
      @Parameter(
              description = "Only zones of this kind.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"province", "city", "district", "development_zone"}))
          @QueryParam("kind")
          String kind,
      @Parameter(
              description = "Only development zones of this level.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"national", "provincial"}))
          @QueryParam("level")
          String level,
      @BeanParam PagingParams paging,
      @Parameter(
              description =
                  "Opaque cursor from a previous answer's nextCursor; not combined with page.")
          @QueryParam("cursor")
          String cursor,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(
        uriInfo, "parent", "kind", "level", "page", "size", "cursor");
    PageResponse<ZoneResponse> result = service.list(parent, kind, level, paging.parse(cursor));
    return PagedResponses.ok(result, uriInfo);
  }

  @GET
  @Path("/tree")
  @Operation(
      operationId = "getZoneTree",
      summary = "The whole zone tree",
      description =
          "Every zone, nested under its parent; siblings ordered by the pinyin of their names.")
  @APIResponse(responseCode = "200", description = "The top-level zones with nested children.")
  public List<ZoneTreeNode> tree() {
    return service.tree();
  }

  @GET
  @Path("/{idOrSlug}")
  @Operation(
      operationId = "getZone",
      summary = "One zone",
      description = "A zone with its ancestors (top level first) and its direct children.")
  @APIResponse(
      responseCode = "200",
      description = "The zone.",
      headers = @Header(name = ApiDefinition.LINK, ref = ApiDefinition.FEED_LINKS))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public ZoneDetail get(
      @Parameter(description = "Numeric id or slug.", example = OpenApiExamples.REFERENCE_ZONE)
          @PathParam("idOrSlug")
          String idOrSlug) {
    return service
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(() -> new ResourceNotFoundException("zone", idOrSlug));
  }
}
