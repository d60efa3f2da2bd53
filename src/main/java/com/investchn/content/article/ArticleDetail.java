package com.investchn.content.article;

import com.investchn.content.category.CategoryRef;
import com.investchn.content.zone.ZoneRef;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A full article with its breadcrumb and its neighbours in its default list. */
@Schema(name = "ArticleDetail", description = "A published article with navigation.")
public record ArticleDetail(
    @Schema(example = "318") long id,
    @Schema(nullable = true, example = "daxing-signing-ceremony-2024-06-21") String slug,
    @Schema(example = "大兴区举办2024年重点项目集中签约活动") String title,
    @Schema(example = "6月21日，大兴区举办重点项目集中签约活动……") String summary,
    @Schema(description = "Sanitized HTML.", example = "<p>6月21日，大兴区举办……</p>") String body,
    @Schema(example = "2024-06-21T09:30:00+08:00") OffsetDateTime publishedAt,
    @Schema(nullable = true, example = "大兴区融媒体中心") String source,
    @Schema(nullable = true) String sourceUrl,
    @Schema(nullable = true, example = "王晓东") String author,
    @Schema(nullable = true) String coverImageUrl,
    @Schema(example = "published") ArticleStatus status,
    CategoryRef category,
    ZoneRef zone,
    @Schema(nullable = true) ZoneRef publisherZone,
    @Schema(example = "2024-06-20T18:02:11+08:00") OffsetDateTime createdAt,
    @Schema(example = "2024-06-21T09:30:00+08:00") OffsetDateTime updatedAt,
    @Schema(example = "0") long version,
    @Schema(description = "首页 > category path, with the zone after a zone-scoped top channel.")
        List<BreadcrumbItem> breadcrumb,
    @Schema(nullable = true, description = "The newer neighbour in the article's own list.")
        ArticleLink previous,
    @Schema(nullable = true, description = "The older neighbour in the article's own list.")
        ArticleLink next) {}
