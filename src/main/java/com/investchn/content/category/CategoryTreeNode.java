package com.investchn.content.category;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category with all categories below it, nested. */
@Schema(name = "CategoryTreeNode", description = "A channel with nested children by position.")
public record CategoryTreeNode(
    @Schema(example = "1") long id,
    @Schema(example = "zone-news") String slug,
    @Schema(example = "开发区新闻") String name,
    @Schema(nullable = true, example = "Zone News") String nameEn,
    @Schema(example = "1") int position,
    @Schema(example = "true") boolean zoneScoped,
    @Schema(nullable = true, description = "The parent channel, null at the top level.")
        CategoryRef parent,
    @Schema(description = "Direct children by position, each with its own children.")
        List<CategoryTreeNode> children) {}
