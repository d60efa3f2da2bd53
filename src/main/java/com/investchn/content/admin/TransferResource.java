package com.investchn.content.admin;

import com.investchn.content.common.edge.StreamedUpload;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.problem.InvalidParameterException;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.WriteResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Bulk transfer of the whole content as NDJSON, for moving an archive in or out. */
@Path("/api/v1/admin")
@Tag(name = "Admin: import and export")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
@RolesAllowed(Roles.ADMIN)
public class TransferResource {

  /** One JSON object a line. */
  public static final String NDJSON = "application/x-ndjson";

  private final NdjsonImporter importer;
  private final NdjsonExporter exporter;

  public TransferResource(NdjsonImporter importer, NdjsonExporter exporter) {
    this.importer = importer;
    this.exporter = exporter;
  }

  @POST
  @Path("/import")
  @Consumes({NDJSON, "application/jsonl", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "importContent",
      summary = "Import NDJSON",
      description =
          "One JSON object a line, each with type site, zone, category or article (the format"
              + " of the export). Streamed and committed in batches; upserts zones and"
              + " categories by slug and articles by externalId or slug, writing only what"
              + " differs, so importing the same file twice changes nothing. Bad lines are"
              + " reported with their number and reason; the good ones are kept.")
  @APIResponse(responseCode = "200", description = "Counts per type and every rejected line.")
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  @StreamedUpload
  public ImportReport importContent(
      InputStream upload,
      @Parameter(
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"),
              description =
                  "Bring back articles that were deleted here (default: such lines are skipped and"
                      + " counted in skippedDeleted).")
          @QueryParam("restoreDeleted")
          String restoreDeleted,
      @Parameter(
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"),
              description =
                  "Overwrite rows changed here after the line's updatedAt (default: they are kept"
                      + " and counted in skippedNewer).")
          @QueryParam("overwriteNewer")
          String overwriteNewer,
      SecurityContext security) {
    ImportOptions options =
        new ImportOptions(
            flag("restoreDeleted", restoreDeleted), flag("overwriteNewer", overwriteNewer));
    return importer.importFrom(upload, options, WriteResponses.actor(security));
  }

  private static boolean flag(String parameter, String raw) {
    if (raw == null) {
      return false;
    }
    return switch (raw) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidParameterException(
              parameter, "must be true or false, got '" + raw + "'.");
    };
  }

  @GET
  @Path("/export")
  @Produces(NDJSON)
  @Operation(
      operationId = "exportContent",
      summary = "Export NDJSON",
      description = "The whole content, streamed, in an order that an import can replay.")
  @APIResponse(
      responseCode = "200",
      description = "The content, one JSON object a line.",
      content =
          @Content(
              mediaType = NDJSON,
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      description =
                          "Lines of JSON objects with a type of site, zone, category or article.")))
  public RestResponse<StreamingOutput> export() {
    StreamingOutput body = exporter::exportTo;
    return RestResponse.ResponseBuilder.ok(body)
        .header("Content-Disposition", "attachment; filename=\"content-export.ndjson\"")
        .build();
  }
}
