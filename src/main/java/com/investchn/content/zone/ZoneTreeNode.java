package com.investchn.content.zone;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone with all zones below it, nested. */
@Schema(name = "ZoneTreeNode", description = "A zone with its nested children, ordered by name.")
record ZoneTreeNode(
    @Schema(required = true, example = "1") long id,
    @Schema(required = true, example = "beijing") String slug,
    @Schema(required = true, example = "北京市") String name,
    @Schema(required = true, nullable = true, example = "Beijing") String nameEn,
    @Schema(required = true, example = "province") ZoneKind kind,
    @Schema(required = true, nullable = true) ZoneLevel level,
    @Schema(required = true, nullable = true) ZoneType type,
    @Schema(
            required = true,
            nullable = true,
            description = "The parent zone, null at the top level.")
        ZoneRef parent,
    @Schema(
            required = true,
            description = "Direct children, ordered by name, each with its own children.")
        List<ZoneTreeNode> children) {}
