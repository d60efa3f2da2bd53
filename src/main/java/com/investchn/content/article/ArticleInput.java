package com.investchn.content.article;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.write.BodyValidation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as an editor writes it (create, replace, or the result of a merge patch). */
@Schema(name = "ArticleInput", description = "An article as written through the editorial API.")
public record ArticleInput(
    @Pattern(
            regexp = IdOrSlug.SLUG_REGEX,
            message = "must be lowercase letters, digits and" + " hyphens, not all digits")
        @Size(max = 200)
        @Schema(
            nullable = true,
            description =
                "Generated (article-<random>) when absent on create; kept when absent on update.",
            example = "daxing-signing-ceremony-2024-06-21")
        String slug,
    @Size(max = 200)
        @Schema(
            nullable = true,
            description = "Id in the system the article came from.",
            example = "legacy-cms-48213")
        String externalId,
    @NotBlank @Size(max = 200) @Schema(example = "大兴区举办2024年重点项目集中签约活动") String title,
    @Size(max = 500)
        @Schema(nullable = true, description = "Derived from the body text when absent.")
        String summary,
    @NotBlank
        @Schema(
            description = "HTML, at most 1 MB; sanitized on write.",
            example = "<p>6月21日，大兴区举办重点项目集中签约活动。</p>")
        String body,
    @Schema(
            nullable = true,
            description =
                "Defaults to now when publishing without one; a future"
                    + " time with status published schedules the article.",
            example = "2024-06-21T09:30:00.000000+08:00")
        OffsetDateTime publishedAt,
    @Size(max = 200) @Schema(nullable = true, example = "大兴区融媒体中心") String source,
    @Size(max = 2000)
        @Pattern(regexp = BodyValidation.HTTP_URL, message = "must be an http or https URL")
        @Schema(nullable = true)
        String sourceUrl,
    @Size(max = 100) @Schema(nullable = true, example = "李明远") String author,
    @Size(max = 2000)
        @Pattern(regexp = BodyValidation.HTTP_URL, message = "must be an http or https URL")
        @Schema(nullable = true)
        String coverImageUrl,
    @NotNull @Schema(example = "2") Long categoryId,
    @NotNull @Schema(description = "The zone the article is filed under.", example = "12")
        Long zoneId,
    @Schema(
            nullable = true,
            description = "The development zone that published it.",
            example = "31")
        Long publisherZoneId,
    @Schema(nullable = true, description = "draft (default) or published.") ArticleStatus status) {

  static ArticleInput from(Article article) {
    return new ArticleInput(
        article.slug,
        article.externalId,
        article.title,
        article.summary,
        article.body,
        article.publishedAt == null
            ? null
            : com.investchn.content.common.time.PortalTime.toPortal(article.publishedAt),
        article.source,
        article.sourceUrl,
        article.author,
        article.coverImageUrl,
        article.categoryId,
        article.zoneId,
        article.publisherZoneId,
        article.status);
  }
}
