package com.investchn.content.zone;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone with all zones below it, nested. */
@Schema(name = "ZoneTreeNode", description = "A zone with its nested children, ordered by name.")
public record ZoneTreeNode(
    @Schema(example = "1") long id,
    @Schema(example = "beijing") String slug,
    @Schema(example = "北京市") String name,
    @Schema(nullable = true, example = "Beijing") String nameEn,
    @Schema(example = "province") ZoneKind kind,
    @Schema(nullable = true) ZoneLevel level,
    @Schema(nullable = true) ZoneType type,
    @Schema(nullable = true, description = "The parent zone, null at the top level.")
        ZoneRef parent,
    @Schema(description = "Direct children, ordered by name, each with its own children.")
        List<ZoneTreeNode> children) {}
