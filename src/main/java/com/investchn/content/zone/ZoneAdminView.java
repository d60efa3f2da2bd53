package com.investchn.content.zone;

import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.write.Versioned;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone as the editorial API shows it, with its version. */
@Schema(name = "ZoneAdminView", description = "A zone in the editorial API.")
record ZoneAdminView(
    @Schema(required = true) long id,
    @Schema(required = true) String slug,
    @Schema(required = true) String name,
    @Schema(required = true, nullable = true) String nameEn,
    @Schema(required = true) ZoneKind kind,
    @Schema(required = true, nullable = true) ZoneLevel level,
    @Schema(required = true, nullable = true) ZoneType type,
    @Schema(required = true, nullable = true) Long parentId,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true) OffsetDateTime updatedAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true, nullable = true) String updatedBy,
    @Schema(required = true, description = "Also the ETag.") long version)
    implements Versioned {

  static ZoneAdminView from(Zone zone) {
    return new ZoneAdminView(
        zone.id,
        zone.slug,
        zone.name,
        zone.nameEn,
        zone.kind,
        zone.level,
        zone.type,
        zone.parentId,
        PortalTime.toPortal(zone.createdAt),
        PortalTime.toPortal(zone.updatedAt),
        zone.createdBy,
        zone.updatedBy,
        zone.version);
  }
}
