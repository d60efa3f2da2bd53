package com.investchn.content.category;

import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.write.Versioned;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as the editorial API shows it, with its version. */
@Schema(name = "CategoryAdminView", description = "A channel in the editorial API.")
record CategoryAdminView(
    @Schema(required = true) long id,
    @Schema(required = true) String slug,
    @Schema(required = true) String name,
    @Schema(required = true, nullable = true) String nameEn,
    @Schema(required = true, nullable = true) Long parentId,
    @Schema(required = true) int position,
    @Schema(required = true) boolean zoneScoped,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true) OffsetDateTime updatedAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true, nullable = true) String updatedBy,
    @Schema(required = true, description = "Also the ETag.") long version)
    implements Versioned {

  static CategoryAdminView from(Category category) {
    return new CategoryAdminView(
        category.id,
        category.slug,
        category.name,
        category.nameEn,
        category.parentId,
        category.position,
        category.zoneScoped,
        PortalTime.toPortal(category.createdAt),
        PortalTime.toPortal(category.updatedAt),
        category.createdBy,
        category.updatedBy,
        category.version);
  }
}
