package com.investchn.content.category;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category with all categories below it, nested. */
@Schema(name = "CategoryTreeNode", description = "A channel with nested children by position.")
record CategoryTreeNode(
    @Schema(required = true, example = "1") long id,
    @Schema(required = true, example = "zone-news") String slug,
    @Schema(required = true, example = "开发区新闻") String name,
    @Schema(required = true, nullable = true, example = "Zone News") String nameEn,
    @Schema(required = true, example = "1") int position,
    @Schema(required = true, example = "true") boolean zoneScoped,
    @Schema(
            required = true,
            nullable = true,
            description = "The parent channel, null at the top level.")
        CategoryRef parent,
    @Schema(
            required = true,
            description = "Direct children by position, each with its own children.")
        List<CategoryTreeNode> children) {}
