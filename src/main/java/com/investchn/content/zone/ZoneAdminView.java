package com.investchn.content.zone;

import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.web.Versioned;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone as the editorial API shows it, with its version. */
@Schema(name = "ZoneAdminView", description = "A zone in the editorial API.")
public record ZoneAdminView(
    long id,
    String slug,
    String name,
    @Schema(nullable = true) String nameEn,
    ZoneKind kind,
    @Schema(nullable = true) ZoneLevel level,
    @Schema(nullable = true) ZoneType type,
    @Schema(nullable = true) Long parentId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    @Schema(nullable = true) String createdBy,
    @Schema(nullable = true) String updatedBy,
    @Schema(description = "Also the ETag.") long version)
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
