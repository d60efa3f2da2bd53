package com.investchn.content.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.fields.FieldSelection;
import com.investchn.content.common.http.PublicRead;
import com.investchn.content.common.openapi.ApiDefinition;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest public articles. The answers are text of their
 * own media type, so they are tagged, cached and compressed like every public read.
 */
@PublicRead
@Path("/api/v1/feeds")
@Tag(name = "Feeds")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class FeedResource {

  static final String RSS = "application/rss+xml";
  static final String ATOM = "application/atom+xml";
  static final String JSON_FEED = "application/feed+json";

  private static final String FILTERS =
      " The filters are those of GET /articles with the same meaning and the same 400s"
          + " (category and zone include everything below them); limit (1..100, default 20)"
          + " says how many of the newest articles. Each entry links the article's page on"
          + " the portal (the permalink template) and carries a stable id that never changes"
          + " with the title, the author or source, the category and zone as terms, the"
          + " summary and the sanitized HTML body.";

  private final FeedService service;
  private final ObjectMapper json;

  public FeedResource(FeedService service, ObjectMapper json) {
    this.service = service;
    this.json = json;
  }

  @GET
  @Path("/articles.rss")
  @Produces(RSS)
  @Operation(
      operationId = "getArticlesRss",
      summary = "RSS 2.0 feed of the newest articles",
      description =
          "RSS 2.0 with content:encoded, dc:creator and atom:link rel=self; times in RFC 822"
              + " with +0800; guid is the stable id (isPermaLink=false unless it is the"
              + " permalink)."
              + FILTERS)
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content = @Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<String> rss(@BeanParam FeedParams params, @Context UriInfo uriInfo) {
    return ok(FeedXml.rss(feed(params, uriInfo)), RSS);
  }

  @GET
  @Path("/articles.atom")
  @Produces(ATOM)
  @Operation(
      operationId = "getArticlesAtom",
      summary = "Atom 1.0 feed of the newest articles",
      description =
          "Atom 1.0 with content type=\"html\", logo and icon; times in RFC 3339 with +08:00."
              + FILTERS)
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content = @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<String> atom(@BeanParam FeedParams params, @Context UriInfo uriInfo) {
    return ok(FeedXml.atom(feed(params, uriInfo)), ATOM);
  }

  @GET
  @Path("/articles.json")
  @Produces(JSON_FEED)
  @Operation(
      operationId = "getArticlesJsonFeed",
      summary = "JSON Feed 1.1 of the newest articles",
      description =
          "JSON Feed 1.1 (https://jsonfeed.org/version/1.1): items with id, url, title,"
              + " content_html, summary, date_published, date_modified (RFC 3339, +08:00),"
              + " authors and tags; keys without a value are left out."
              + FILTERS)
  @APIResponse(
      responseCode = "200",
      description = "The feed.",
      content = @Content(mediaType = JSON_FEED, schema = @Schema(implementation = JsonFeed.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  public RestResponse<String> jsonFeed(
      @BeanParam FeedParams params,
      @Parameter(
              description =
                  "Only these fields of each item, comma-separated, e.g."
                      + " `id,url,title,date_published`; the feed's own fields are always sent."
                      + " Every field when absent; an unknown field is a 400 that lists the valid"
                      + " ones.")
          @QueryParam(FieldSelection.PARAMETER)
          String fields,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, FieldSelection.PARAMETER);
    Optional<FieldSelection> selection =
        Optional.ofNullable(fields).map(raw -> FieldSelection.parse(raw, JsonFeed.Item.class));
    try {
      JsonFeed feed = JsonFeed.from(feed(params, uriInfo));
      if (selection.isEmpty()) {
        return ok(json.writeValueAsString(feed), JSON_FEED);
      }
      JsonNode tree = json.valueToTree(feed);
      selection.get().trimEach(tree.get("items"));
      return ok(json.writeValueAsString(tree), JSON_FEED);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The JSON feed could not be written", e);
    }
  }

  private Feed feed(FeedParams params, UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, FeedParams.NAMES);
    return service.feed(params, uriInfo.getRequestUri());
  }

  private static RestResponse<String> ok(String body, String type) {
    return RestResponse.ResponseBuilder.ok(body, MediaType.valueOf(type)).build();
  }
}
