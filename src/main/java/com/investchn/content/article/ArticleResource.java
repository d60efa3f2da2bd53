package com.investchn.content.article;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.fields.FieldSelection;
import com.investchn.content.common.fields.SelectableFields;
import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.openapi.OpenApiExamples;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.paging.PagedResponses;
import com.investchn.content.common.paging.PagingParams;
import com.investchn.content.common.problem.Problem;
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
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Public read endpoints for articles. */
@PublicRead
@Path("/api/v1/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class ArticleResource {

  /** Parameters that select a list; each may be given once and never empty. */
  static final String[] LIST_PARAMETERS = {
    "category", "zone", "publisherZone", "source", "from", "to", "sort"
  };

  /** Parameters that page a list; the same rule. */
  static final String[] PAGING_PARAMETERS = {"page", "size", "cursor"};

  private final ArticleService service;
  private final ArticleQueryParser parser;

  public ArticleResource(ArticleService service, ArticleQueryParser parser) {
    this.service = service;
    this.parser = parser;
  }

  @GET
  @Operation(
      operationId = "listArticles",
      summary = "List published articles",
      description =
          "Published articles whose time has come, newest first unless sort says otherwise, "
              + "paged by page number or by the opaque cursor of the previous answer (pass "
              + "nextCursor as cursor with the same filters until it is null). Page past the "
              + "end: 200 with no items and the real totals. Every filter is optional; without "
              + "any, the answer is the first page of all articles.")
  @APIResponse(
      responseCode = "200",
      description = "One page of article summaries.",
      headers = {
        @Header(name = ApiDefinition.TOTAL_COUNT, ref = ApiDefinition.TOTAL_COUNT),
        @Header(name = ApiDefinition.LINK, ref = ApiDefinition.ARTICLE_LIST_LINK)
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @SelectableFields(ArticleSummary.class)
  public RestResponse<PageResponse<ArticleSummary>> list(
      @BeanParam ArticleListParams params,
      @BeanParam PagingParams paging,
      @Parameter(
              description =
                  "Opaque nextCursor of a previous answer, sent with the same filters and sort;"
                      + " not combined with page. A tampered or foreign cursor is a 400.")
          @QueryParam("cursor")
          String cursor,
      @Parameter(
              description =
                  "Exactly these articles, by id or slug (comma-separated, at most "
                      + ArticleIds.MAX
                      + "), in this order, as one page: unknown and non-public ones are absent and"
                      + " X-Total-Count says how many were found. Not combined with filters,"
                      + " sort or paging; e.g. `318,daxing-signing-ceremony-2024-06-21`.",
              style = ParameterStyle.FORM,
              explode = Explode.FALSE,
              schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
          @QueryParam("ids")
          String ids,
      @Parameter(description = ApiDefinition.FIELDS) @QueryParam(FieldSelection.PARAMETER)
          String fields,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, LIST_PARAMETERS);
    QueryParameters.requireSingleAndNonEmpty(uriInfo, PAGING_PARAMETERS);
    QueryParameters.requireSingleAndNonEmpty(uriInfo, "ids");
    if (ids != null) {
      ArticleIds.requireAlone(uriInfo);
      PageResponse<ArticleSummary> found = service.byIds(ArticleIds.parse(ids));
      return RestResponse.ResponseBuilder.ok(found)
          .header(PagedResponses.TOTAL_COUNT, found.totalItems())
          .build();
    }
    return PagedResponses.ok(service.list(parser.parse(params), paging.parse(cursor)), uriInfo);
  }

  @GET
  @Path("/{idOrSlug}")
  @Operation(
      operationId = "getArticle",
      summary = "One published article",
      description =
          "The full article with its breadcrumb and its previous/next article in its own "
              + "category and zone, newest first. Drafts and scheduled articles are 404.")
  @APIResponse(
      responseCode = "200",
      description = "The article.",
      headers = @Header(name = ApiDefinition.LINK, ref = ApiDefinition.FEED_LINKS))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @SelectableFields(ArticleDetail.class)
  public ArticleDetail get(
      @Parameter(description = "Numeric id or slug.", example = OpenApiExamples.REFERENCE_ARTICLE)
          @PathParam("idOrSlug")
          String idOrSlug,
      @Parameter(description = ApiDefinition.FIELDS) @QueryParam(FieldSelection.PARAMETER)
          String fields) {
    return service
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(() -> new ResourceNotFoundException("article", idOrSlug));
  }

  @GET
  @Path("/{idOrSlug}/adjacent")
  @Operation(
      operationId = "getAdjacentArticles",
      summary = "Previous and next article within a list",
      description =
          "previous and next are the items right above and right below the article in the "
              + "list GET /articles returns for the same filter and sort parameters. Without "
              + "any parameter the list is the article's own category and zone, newest first. "
              + "Paging parameters (page, size, cursor) and unknown ones are a 400.")
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
              examples = {
                @ExampleObject(name = "unknown-slug", value = OpenApiExamples.PROBLEM_NOT_FOUND),
                @ExampleObject(name = "not-in-list", value = OpenApiExamples.PROBLEM_NOT_IN_LIST)
              }))
  public AdjacentArticles adjacent(
      @Parameter(description = "Numeric id or slug.", example = OpenApiExamples.REFERENCE_ARTICLE)
          @PathParam("idOrSlug")
          String idOrSlug,
      @BeanParam ArticleListParams params,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, LIST_PARAMETERS);
    // Only list parameters are declared here, so page, size, cursor or a typo never reach this
    // line (DeclaredParameters answers them with a 400): any list parameter selects the exact
    // GET /articles list, none the article's own one.
    Optional<ArticleQuery> list =
        params.isEmpty() ? Optional.empty() : Optional.of(parser.parse(params));
    return service.adjacent(IdOrSlug.parse(idOrSlug), list);
  }
}
