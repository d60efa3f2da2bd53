package com.investchn.content.search;

import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.fields.FieldSelection;
import com.investchn.content.common.fields.SelectableFields;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.paging.PagedResponses;
import com.investchn.content.common.paging.PagingParams;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Full-text search over public articles. Not a cached public read: an answer depends on the index
 * having applied the request's change-log position, which this instance ensures before it searches,
 * so every answer is {@code no-store}.
 */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class SearchResource {

  private static final String[] SEARCH_PARAMETERS = {
    "q",
    "category",
    "zone",
    "publisherZone",
    "source",
    "from",
    "to",
    "sort",
    "page",
    "size",
    "cursor"
  };

  private final SearchService service;

  public SearchResource(SearchService service) {
    this.service = service;
  }

  @GET
  @Operation(
      operationId = "searchArticles",
      summary = "Search published articles",
      description =
          "Public articles matching q, best match first (title over summary over body, an exact"
              + " phrase over scattered words, newer first among equals) or by publishedAt, with"
              + " the filters and paging of GET /articles. Query language: words (all must"
              + " match), \"quoted phrases\", -exclusion, OR between two terms; every other"
              + " character is text, so no query is a syntax error. Chinese of two or more"
              + " characters matches those characters adjacent and in order; full-width and"
              + " half-width forms and case are folded, simple English plurals too;"
              + " traditional and simplified Chinese are not. 503 with Retry-After while the"
              + " index is first built.")
  @APIResponse(
      responseCode = "200",
      description = "One page of matching articles with score and highlights.",
      headers = {
        @Header(name = ApiDefinition.TOTAL_COUNT, ref = ApiDefinition.TOTAL_COUNT),
        @Header(name = ApiDefinition.LINK, ref = ApiDefinition.LINK)
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @SelectableFields(SearchHit.class)
  public RestResponse<PageResponse<SearchHit>> search(
      @BeanParam SearchParams params,
      @BeanParam PagingParams paging,
      @Parameter(
              description =
                  "Opaque nextCursor of a previous answer, sent with the same q, filters and"
                      + " sort; not combined with page. A tampered or foreign cursor is a 400.")
          @QueryParam("cursor")
          String cursor,
      @Parameter(description = ApiDefinition.FIELDS) @QueryParam(FieldSelection.PARAMETER)
          String fields,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, SEARCH_PARAMETERS);
    return PagedResponses.ok(service.search(params, paging.parse(cursor)), uriInfo);
  }

  @GET
  @Path("/suggest")
  @Operation(
      operationId = "suggestTitles",
      summary = "Title completions for a prefix",
      description =
          "Up to 10 titles of public articles that start with q (Chinese or English, case and"
              + " width folded), then titles that contain it, newest first among equals.")
  @APIResponse(responseCode = "200", description = "The completions; empty when none fit.")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public SuggestResponse suggest(
      @Parameter(
              description = "What the reader has typed so far, 1 to 200 characters.",
              required = true,
              schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
          @QueryParam("q")
          String q,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, "q");
    return new SuggestResponse(service.suggest(q));
  }
}
