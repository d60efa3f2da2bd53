package com.investchn.content.article;

import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.web.ApiDefinition;
import com.investchn.content.common.web.IdOrSlug;
import com.investchn.content.common.web.OpenApiExamples;
import com.investchn.content.common.web.PageRequest;
import com.investchn.content.common.web.PageResponse;
import com.investchn.content.common.web.PagedResponses;
import com.investchn.content.common.web.Problem;
import com.investchn.content.common.web.QueryParameters;
import com.investchn.content.common.web.ResourceNotFoundException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Public read endpoints for articles. */
@PublicRead
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
public class ArticleResource {

  /** Parameters that select or page a list; each may be given once and never empty. */
  private static final String[] LIST_PARAMETERS = {
    "category", "zone", "publisherZone", "source", "from", "to", "sort", "page", "size", "cursor"
  };

  private final ArticleService service;
  private final ArticleQueries queries;

  public ArticleResource(ArticleService service, ArticleQueries queries) {
    this.service = service;
    this.queries = queries;
  }

  @GET
  @Operation(
      summary = "List published articles",
      description =
          "Published articles whose time has come, newest first unless sort says otherwise, "
              + "paged by page number or by the opaque cursor of the previous answer. Page "
              + "past the end: 200 with no items and the real totals.")
  @APIResponse(
      responseCode = "200",
      description = "One page of article summaries.",
      headers = {
        @Header(
            name = PagedResponses.TOTAL_COUNT,
            description = "Number of articles in the whole list.",
            schema = @Schema(type = SchemaType.INTEGER)),
        @Header(
            name = "Link",
            description =
                "RFC 8288 first, prev, next and last links keeping every other parameter; "
                    + "next uses the cursor when the request did.",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<PageResponse<ArticleSummary>> list(
      @BeanParam ArticleListParams params,
      @Parameter(
              description = "1-based page number.",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
          @QueryParam("page")
          String page,
      @Parameter(
              description = "Page size.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "100",
                      defaultValue = "20"))
          @QueryParam("size")
          String size,
      @Parameter(
              description =
                  "Opaque nextCursor of a previous answer, sent with the same filters and sort;"
                      + " not combined with page.")
          @QueryParam("cursor")
          String cursor,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, LIST_PARAMETERS);
    PageRequest paging = PageRequest.parse(page, size, cursor);
    return PagedResponses.ok(service.list(queries.parse(params), paging), uriInfo);
  }

  @GET
  @Path("/{idOrSlug}")
  @Operation(
      summary = "One published article",
      description =
          "The full article with its breadcrumb and its previous/next article in its own "
              + "category and zone, newest first. Drafts and scheduled articles are 404.")
  @APIResponse(responseCode = "200", description = "The article.")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public ArticleDetail get(
      @Parameter(description = "Numeric id or slug.", example = "318") @PathParam("idOrSlug")
          String idOrSlug) {
    return service
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(() -> new ResourceNotFoundException("article", idOrSlug));
  }

  @GET
  @Path("/{idOrSlug}/adjacent")
  @Operation(
      summary = "Previous and next article within a list",
      description =
          "previous and next are the items right above and right below the article in the "
              + "list GET /articles returns for the same filter and sort parameters. Without "
              + "any parameter the list is the article's own category and zone, newest first.")
  @APIResponse(
      responseCode = "200",
      description = "The neighbours and the list they were taken from.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AdjacentArticles.class),
              examples = @ExampleObject(name = "last-in-list", value = OpenApiExamples.ADJACENT)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "No public article with that id or slug, or it is not in the list.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "not-in-list",
                      value = OpenApiExamples.PROBLEM_NOT_IN_LIST)))
  public AdjacentArticles adjacent(
      @Parameter(description = "Numeric id or slug.", example = "318") @PathParam("idOrSlug")
          String idOrSlug,
      @BeanParam ArticleListParams params,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, LIST_PARAMETERS);
    // Any parameter at all selects the exact GET /articles list; none selects the default one.
    Optional<ArticleQuery> list =
        uriInfo.getQueryParameters().isEmpty()
            ? Optional.empty()
            : Optional.of(queries.parse(params));
    return service.adjacent(IdOrSlug.parse(idOrSlug), list);
  }
}
