package com.investchn.content.admin;

import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.problem.Problem;
import com.investchn.content.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Online backup of the embedded database, which nothing outside the process can reach. */
@Path("/api/v1/admin/backup")
@Tag(name = "Admin: backup")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@RolesAllowed(Roles.ADMIN)
public class BackupResource {

  private final BackupService backups;

  public BackupResource(BackupService backups) {
    this.backups = backups;
  }

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "backUpDatabase",
      summary = "Back up the database",
      description =
          "On the embedded H2 database: writes a consistent copy (H2 BACKUP TO, a zip of the"
              + " database file) into content-api.backup.dir under a timestamped name while the"
              + " service goes on serving. Restore it with org.h2.tools.Restore into an empty"
              + " data folder. On PostgreSQL use pg_dump instead.")
  @APIResponse(
      responseCode = "201",
      description = "The backup file written on the server.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BackupFile.class)))
  @APIResponse(
      responseCode = "409",
      description = "This database is backed up otherwise: PostgreSQL (pg_dump) or in-memory H2.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public RestResponse<BackupFile> backUp() {
    return RestResponse.status(RestResponse.Status.CREATED, backups.backUp());
  }
}
