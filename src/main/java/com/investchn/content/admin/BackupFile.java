package com.investchn.content.admin;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backup as written: where it is on the server, how large, and the moment it shows. */
@Schema(name = "BackupFile", description = "An online backup written on the server.")
record BackupFile(
    @Schema(
            required = true,
            description = "Absolute path of the zip on the server.",
            example = "/deployments/data/backups/content-api-20240621T013000.123Z.zip")
        String file,
    @Schema(required = true, description = "Size of the zip in bytes.", example = "5242880")
        long bytes,
    @Schema(
            required = true,
            description = "When the backup began; it holds every write committed before.")
        OffsetDateTime createdAt) {}
