package com.investchn.content.category;

import com.investchn.content.common.edge.IdOrSlug;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A category as an admin writes it; a changed parentId moves the category. */
@Schema(name = "CategoryInput", description = "A channel as written through the editorial API.")
public record CategoryInput(
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = IdOrSlug.SLUG_REGEX,
            message = "must be lowercase letters, digits and" + " hyphens, not all digits")
        @Schema(example = "text-news")
        String slug,
    @NotBlank @Size(max = 200) @Schema(example = "文字新闻") String name,
    @Size(max = 200) @Schema(nullable = true, example = "Text News") String nameEn,
    @Schema(nullable = true, description = "The parent channel; null at the top level.")
        Long parentId,
    @Schema(nullable = true, description = "Display order among siblings (default 0).")
        Integer position,
    @Schema(nullable = true, description = "A top-level channel browsed per zone.")
        Boolean zoneScoped) {

  static CategoryInput from(Category category) {
    return new CategoryInput(
        category.slug,
        category.name,
        category.nameEn,
        category.parentId,
        category.position,
        category.zoneScoped);
  }
}
