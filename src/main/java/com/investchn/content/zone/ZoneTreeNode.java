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
    List<ZoneTreeNode> children) {}
