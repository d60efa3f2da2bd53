package com.investchn.content.article;

import com.investchn.content.category.CategoryRef;
import com.investchn.content.zone.ZoneRef;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A full article with its breadcrumb and its neighbours in its default list. */
@Schema(name = "ArticleDetail", description = "A published article with navigation.")
public record ArticleDetail(
    @Schema(required = true, example = "318") long id,
    @Schema(required = true, nullable = true, example = "daxing-signing-ceremony-2024-06-21")
        String slug,
    @Schema(required = true, example = "大兴区举办2024年重点项目集中签约活动") String title,
    @Schema(required = true, example = "6月21日，大兴区举办重点项目集中签约活动……") String summary,
    @Schema(required = true, description = "Sanitized HTML.", example = "<p>6月21日，大兴区举办……</p>")
        String body,
    @Schema(required = true, example = "2024-06-21T09:30:00.000000+08:00")
        OffsetDateTime publishedAt,
    @Schema(required = true, nullable = true, example = "大兴区融媒体中心") String source,
    @Schema(required = true, nullable = true) String sourceUrl,
    @Schema(required = true, nullable = true, example = "王晓东") String author,
    @Schema(required = true, nullable = true) String coverImageUrl,
    @Schema(required = true, example = "published") ArticleStatus status,
    @Schema(required = true) CategoryRef category,
    @Schema(required = true) ZoneRef zone,
    @Schema(required = true, nullable = true) ZoneRef publisherZone,
    @Schema(required = true, example = "2024-06-20T18:02:11.000000+08:00") OffsetDateTime createdAt,
    @Schema(required = true, example = "2024-06-21T09:30:00.000000+08:00") OffsetDateTime updatedAt,
    @Schema(required = true, example = "0") long version,
    @Schema(
            required = true,
            description = "首页 > category path, with the zone after a zone-scoped top channel.")
        List<BreadcrumbItem> breadcrumb,
    @Schema(
            required = true,
            nullable = true,
            description = "The newer neighbour in the article's own list.")
        ArticleLink previous,
    @Schema(
            required = true,
            nullable = true,
            description = "The older neighbour in the article's own list.")
        ArticleLink next) {}
