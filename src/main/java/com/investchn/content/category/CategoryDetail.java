package com.investchn.content.category;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One category with the path above it and its direct children. */
@Schema(name = "CategoryDetail", description = "A channel with its ancestors and children.")
public record CategoryDetail(
    @Schema(example = "2") long id,
    @Schema(example = "text-news") String slug,
    @Schema(example = "文字新闻") String name,
    @Schema(nullable = true, example = "Text News") String nameEn,
    @Schema(nullable = true) CategoryRef parent,
    @Schema(example = "1") int position,
    boolean zoneScoped,
    @Schema(description = "From the top-level channel down to the parent.")
        List<CategoryRef> ancestors,
    @Schema(description = "Direct children in display order.") List<CategoryResponse> children) {}
