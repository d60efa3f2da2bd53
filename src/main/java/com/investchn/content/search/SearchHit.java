package com.investchn.content.search;

import com.investchn.content.article.ArticleSummary;
import com.investchn.content.category.CategoryRef;
import com.investchn.content.zone.ZoneRef;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in search results: its summary, how well it matched and where. */
@Schema(name = "SearchHit", description = "An article summary with its score and highlights.")
record SearchHit(
    @Schema(required = true, example = "318") long id,
    @Schema(required = true, nullable = true, example = "daxing-signing-ceremony-2024-06-21")
        String slug,
    @Schema(required = true, example = "大兴区举办2024年重点项目集中签约活动") String title,
    @Schema(required = true, example = "6月21日，大兴区举办重点项目集中签约活动……") String summary,
    @Schema(
            required = true,
            description = "Publish time in Asia/Shanghai.",
            example = "2024-06-21T09:30:00.000000+08:00")
        OffsetDateTime publishedAt,
    @Schema(
            required = true,
            description = "Time of the last change to the article in Asia/Shanghai.",
            example = "2024-06-22T10:05:00.000000+08:00")
        OffsetDateTime updatedAt,
    @Schema(required = true, nullable = true, example = "大兴区融媒体中心") String source,
    @Schema(
            required = true,
            nullable = true,
            example = "https://static.investchn.com/images/cover.jpg")
        String coverImageUrl,
    @Schema(required = true, description = "The zone the article is filed under.") ZoneRef zone,
    @Schema(
            required = true,
            nullable = true,
            description = "The development zone that published it.")
        ZoneRef publisherZone,
    @Schema(required = true) CategoryRef category,
    @Schema(
            required = true,
            description = "Relevance; higher is better, comparable within one answer only.",
            example = "7.25")
        double score,
    @Schema(required = true, description = "Matched texts, title first; empty when none.")
        List<Highlight> highlights) {

  static SearchHit of(ArticleSummary summary, double score, List<Highlight> highlights) {
    return new SearchHit(
        summary.id(),
        summary.slug(),
        summary.title(),
        summary.summary(),
        summary.publishedAt(),
        summary.updatedAt(),
        summary.source(),
        summary.coverImageUrl(),
        summary.zone(),
        summary.publisherZone(),
        summary.category(),
        score,
        highlights);
  }
}
