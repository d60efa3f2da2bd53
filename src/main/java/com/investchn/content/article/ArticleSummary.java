package com.investchn.content.article;

import com.investchn.content.category.CategoryRef;
import com.investchn.content.zone.ZoneRef;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article in a list. */
@Schema(name = "ArticleSummary", description = "A published article as it appears in lists.")
public record ArticleSummary(
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
            description =
                "Time of the last change to the article in Asia/Shanghai (what sort=updatedAt"
                    + " orders by).",
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
    @Schema(required = true) CategoryRef category) {}
