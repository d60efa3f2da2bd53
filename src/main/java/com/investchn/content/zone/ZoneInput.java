package com.investchn.content.zone;

import com.investchn.content.common.edge.IdOrSlug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone as an admin writes it; a changed parentId moves the zone. */
@Schema(name = "ZoneInput", description = "A zone as written through the editorial API.")
public record ZoneInput(
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = IdOrSlug.SLUG_REGEX,
            message = "must be lowercase letters, digits and" + " hyphens, not all digits")
        @Schema(example = "beijing-etdz")
        String slug,
    @NotBlank @Size(max = 200) @Schema(example = "北京经济技术开发区") String name,
    @Size(max = 200) @Schema(nullable = true) String nameEn,
    @NotNull @Schema(example = "development_zone") ZoneKind kind,
    @Schema(nullable = true, description = "Only for development zones.") ZoneLevel level,
    @Schema(nullable = true, description = "Only for development zones.") ZoneType type,
    @Schema(nullable = true, description = "The parent zone; null for a top-level zone.")
        Long parentId) {

  static ZoneInput from(Zone zone) {
    return new ZoneInput(
        zone.slug, zone.name, zone.nameEn, zone.kind, zone.level, zone.type, zone.parentId);
  }
}
