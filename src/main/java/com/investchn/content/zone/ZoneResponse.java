package com.investchn.content.zone;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone in a list. */
@Schema(name = "Zone", description = "A province, city, district or development zone.")
public record ZoneResponse(
    @Schema(example = "12") long id,
    @Schema(
            description = "Unique, lowercase ASCII letters, digits and hyphens; never all digits.",
            example = "beijing-etdz")
        String slug,
    @Schema(example = "北京经济技术开发区") String name,
    @Schema(example = "Beijing Economic-Technological Development Area", nullable = true)
        String nameEn,
    @Schema(example = "development_zone") ZoneKind kind,
    @Schema(
            description = "Approval level; only for development zones.",
            nullable = true,
            example = "national")
        ZoneLevel level,
    @Schema(
            description = "Policy type; only for development zones.",
            nullable = true,
            example = "economic_technological")
        ZoneType type,
    @Schema(description = "The parent zone, null for a top-level zone.", nullable = true)
        ZoneRef parent) {

  static ZoneResponse from(ZoneInfo zone, ZoneInfo parent) {
    return new ZoneResponse(
        zone.id(),
        zone.slug(),
        zone.name(),
        zone.nameEn(),
        zone.kind(),
        zone.level(),
        zone.type(),
        ZoneRef.from(parent));
  }
}
