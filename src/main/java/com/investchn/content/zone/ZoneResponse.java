package com.investchn.content.zone;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone in a list. */
@Schema(name = "Zone", description = "A province, city, district or development zone.")
record ZoneResponse(
    @Schema(required = true, example = "12") long id,
    @Schema(
            required = true,
            description = "Unique, lowercase ASCII letters, digits and hyphens; never all digits.",
            example = "beijing-etdz")
        String slug,
    @Schema(required = true, example = "北京经济技术开发区") String name,
    @Schema(
            required = true,
            example = "Beijing Economic-Technological Development Area",
            nullable = true)
        String nameEn,
    @Schema(required = true, example = "development_zone") ZoneKind kind,
    @Schema(
            required = true,
            description = "Approval level; only for development zones.",
            nullable = true,
            example = "national")
        ZoneLevel level,
    @Schema(
            required = true,
            description = "Policy type; only for development zones.",
            nullable = true,
            example = "economic_technological")
        ZoneType type,
    @Schema(
            required = true,
            description = "The parent zone, null for a top-level zone.",
            nullable = true)
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
