package com.investchn.content.category;

import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.web.Versioned;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as the editorial API shows it, with its version. */
@Schema(name = "CategoryAdminView", description = "A channel in the editorial API.")
public record CategoryAdminView(
    long id,
    String slug,
    String name,
    @Schema(nullable = true) String nameEn,
    @Schema(nullable = true) Long parentId,
    int position,
    boolean zoneScoped,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    @Schema(nullable = true) String createdBy,
    @Schema(nullable = true) String updatedBy,
    @Schema(description = "Also the ETag.") long version)
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
