package com.investchn.content.category;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One category with the path above it and its direct children. */
@Schema(name = "CategoryDetail", description = "A channel with its ancestors and children.")
public record CategoryDetail(
    @Schema(required = true, example = "2") long id,
    @Schema(required = true, example = "text-news") String slug,
    @Schema(required = true, example = "文字新闻") String name,
    @Schema(required = true, nullable = true, example = "Text News") String nameEn,
    @Schema(required = true, nullable = true) CategoryRef parent,
    @Schema(required = true, example = "1") int position,
    @Schema(required = true) boolean zoneScoped,
    @Schema(required = true, description = "From the top-level channel down to the parent.")
        List<CategoryRef> ancestors,
    @Schema(required = true, description = "Direct children in display order.")
        List<CategoryResponse> children) {}
