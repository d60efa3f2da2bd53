package com.investchn.content.article;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A neighbouring article, enough to render a 上一条 / 下一条 link. */
@Schema(name = "ArticleLink", description = "The previous or next article of a list.")
record ArticleLink(
    @Schema(required = true, example = "317") long id,
    @Schema(required = true, nullable = true, example = "etdz-ai-forum-2024-06-18") String slug,
    @Schema(required = true, example = "北京经济技术开发区举办人工智能产业对接会") String title,
    @Schema(required = true, example = "2024-06-18T15:00:00.000000+08:00")
        OffsetDateTime publishedAt) {}
