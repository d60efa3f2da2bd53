package com.investchn.content.category;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category named in another resource. */
@Schema(name = "CategoryRef", description = "A category as referenced from another resource.")
public record CategoryRef(
    @Schema(required = true, example = "2") long id,
    @Schema(required = true, example = "text-news") String slug,
    @Schema(required = true, example = "文字新闻") String name) {

  public static CategoryRef from(CategoryInfo category) {
    return category == null
        ? null
        : new CategoryRef(category.id(), category.slug(), category.name());
  }
}
