package com.investchn.content.sync;

import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.openapi.OpenApiExamples;
import com.investchn.content.common.problem.Problem;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The change feed for mirrors. Public but never cached (Cache-Control: no-store, as every resource
 * that is not a public read): each answer is read from the change log as it is now.
 */
@Path("/api/v1/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Sync",
    description =
        "The change feed for mirrors: every change to the public content, deletions included,"
            + " in commit order.")
@SecurityRequirements({})
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
public class SyncResource {

  private final SyncService service;

  public SyncResource(SyncService service) {
    this.service = service;
  }

  @GET
  @Operation(
      operationId = "syncChanges",
      summary = "Follow every change to the public content",
      description =
          "Without a cursor, starts from the beginning of the change log: a full initial sync."
              + " Then send nextCursor back (with the same filters) until hasMore is false, and"
              + " keep polling with the last nextCursor. Each entity appears at most once per"
              + " answer, with its latest state: upsert with exactly what the public API serves"
              + " for it, or delete when the public API answers 404 for it or it left the"
              + " filters (an article moved to another category, unpublished, deleted or"
              + " rescheduled into the future). category and zone narrow the articles only;"
              + " combine them with entity=article to follow articles alone. Deletes are kept"
              + " for content-api.sync.delete-retention (30 days by default); an older cursor"
              + " gets 410.")
  @APIResponse(
      responseCode = "200",
      description = "The changes after the cursor.",
      headers =
          @Header(
              name = "Cache-Control",
              description =
                  "no-store: each answer is read from the change log as it is now, never kept"
                      + " by a cache.",
              required = true,
              schema = @Schema(type = SchemaType.STRING, example = "no-store")),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SyncPage.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(
      responseCode = "410",
      description =
          "The cursor is older than the pruned part of the change log; restart without a"
              + " cursor and rebuild the mirror.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "cursor-expired",
                      value = OpenApiExamples.PROBLEM_CURSOR_EXPIRED)))
  public SyncPage changes(
      @Parameter(
              description =
                  "Opaque nextCursor of a previous answer, sent with the same filters; none to"
                      + " start from the beginning.")
          @QueryParam("cursor")
          String cursor,
      @Parameter(
              description = "Most changes in one answer.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          @QueryParam("limit")
          String limit,
      @Parameter(
              description = "Only changes to this kind of entity.",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"article", "zone", "category", "site"}))
          @QueryParam("entity")
          String entity,
      @Parameter(
              description =
                  "Only articles of this category (id or slug) or any category below it, as in"
                      + " GET /api/v1/articles; others become deletes.")
          @QueryParam("category")
          String category,
      @Parameter(
              description =
                  "Only articles filed under this zone (id or slug) or any zone below it, as in"
                      + " GET /api/v1/articles; others become deletes.")
          @QueryParam("zone")
          String zone,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(
        uriInfo, "cursor", "limit", "entity", "category", "zone");
    return service.changes(new SyncService.Request(cursor, limit, entity, category, zone));
  }
}
