package com.investchn.content.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category without its subtree. */
@Schema(name = "Category", description = "A channel of the portal.")
record CategoryResponse(
    @Schema(required = true, example = "2") long id,
    @Schema(required = true, example = "text-news") String slug,
    @Schema(required = true, example = "文字新闻") String name,
    @Schema(required = true, nullable = true, example = "Text News") String nameEn,
    @Schema(
            required = true,
            nullable = true,
            description = "The parent channel, null at the top level.")
        CategoryRef parent,
    @Schema(
            required = true,
            description = "Display order among siblings, ascending.",
            example = "1")
        int position,
    @Schema(
            required = true,
            description = "True for a top-level channel browsed per zone, like 开发区新闻.")
        boolean zoneScoped) {

  static CategoryResponse from(CategoryInfo category, CategoryInfo parent) {
    return new CategoryResponse(
        category.id(),
        category.slug(),
        category.name(),
        category.nameEn(),
        CategoryRef.from(parent),
        category.position(),
        category.zoneScoped());
  }
}
