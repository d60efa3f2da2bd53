package com.investchn.content.zone;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One zone with the path above it and the zones directly below it. */
@Schema(name = "ZoneDetail", description = "A zone with its ancestors and direct children.")
public record ZoneDetail(
    @Schema(required = true, example = "12") long id,
    @Schema(required = true, example = "beijing-etdz") String slug,
    @Schema(required = true, example = "北京经济技术开发区") String name,
    @Schema(
            required = true,
            nullable = true,
            example = "Beijing Economic-Technological Development Area")
        String nameEn,
    @Schema(required = true, example = "development_zone") ZoneKind kind,
    @Schema(required = true, nullable = true, example = "national") ZoneLevel level,
    @Schema(required = true, nullable = true, example = "economic_technological") ZoneType type,
    @Schema(required = true, nullable = true) ZoneRef parent,
    @Schema(
            required = true,
            description = "From the top-level zone down to the parent; empty for a top-level zone.")
        List<ZoneRef> ancestors,
    @Schema(required = true, description = "Direct children, ordered by name.")
        List<ZoneResponse> children) {}
