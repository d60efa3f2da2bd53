package com.investchn.content.feed;

import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.problem.Problem;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Sitemaps (sitemaps.org protocol) of the public articles' permalinks, by month. */
@PublicRead
@Path("/api/v1")
@Produces(MediaType.APPLICATION_XML)
@Tag(name = "Sitemaps")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class SitemapResource {

  private final SitemapService service;

  public SitemapResource(SitemapService service) {
    this.service = service;
  }

  @GET
  @Path("/sitemap.xml")
  @Operation(
      operationId = "getSitemapIndex",
      summary = "Sitemap index",
      description =
          "A sitemaps.org sitemap index listing one sitemap per month of publication"
              + " (Asia/Shanghai), oldest first, as absolute URLs, each with the W3C datetime"
              + " (+08:00) of the last change of any of its articles. A month with more articles"
              + " than content-api.site.sitemap-max-urls (at most 50,000) is split into parts:"
              + " articles-2024-06.xml, articles-2024-06-2.xml, …")
  @APIResponse(
      responseCode = "200",
      description = "The sitemap index.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              schema = @Schema(type = SchemaType.STRING)))
  public RestResponse<byte[]> index(@Context UriInfo uriInfo) {
    return ok(service.index(FeedService.origin(uriInfo.getRequestUri())));
  }

  @GET
  @Path("/sitemaps/{name}")
  @Operation(
      operationId = "getSitemap",
      summary = "One monthly sitemap",
      description =
          "The permalinks of the public articles published in one month (or one part of it),"
              + " oldest first, each with the W3C datetime (+08:00) of its last change.")
  @APIResponse(
      responseCode = "200",
      description = "The sitemap.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_XML,
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "404",
      description = "No such sitemap: a malformed name, a month without articles, a part too far.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public RestResponse<byte[]> sitemap(
      @Parameter(
              description = "File name as the index lists it.",
              example = "articles-2024-06.xml",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      pattern = "^articles-\\d{4}-\\d{2}(-\\d+)?\\.xml$"))
          @PathParam("name")
          String name,
      @Context UriInfo uriInfo) {
    return ok(service.sitemap(name, FeedService.origin(uriInfo.getRequestUri())));
  }

  private static RestResponse<byte[]> ok(byte[] body) {
    return RestResponse.ResponseBuilder.ok(body, MediaType.APPLICATION_XML_TYPE).build();
  }
}
