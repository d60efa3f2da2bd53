package com.investchn.content.article;

import com.investchn.content.category.CategoryRef;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.write.Versioned;
import com.investchn.content.zone.ZoneRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as the editorial API shows it: every field, any status, who changed it. */
@Schema(name = "ArticleAdminView", description = "An article in the editorial API.")
record ArticleAdminView(
    @Schema(required = true) long id,
    @Schema(required = true) String slug,
    @Schema(required = true, nullable = true) String externalId,
    @Schema(required = true) String title,
    @Schema(required = true) String summary,
    @Schema(required = true) String body,
    @Schema(
            required = true,
            description =
                "Publication time; publishing a draft whose time has passed sets it to now.")
        OffsetDateTime publishedAt,
    @Schema(required = true, nullable = true) String source,
    @Schema(required = true, nullable = true) String sourceUrl,
    @Schema(required = true, nullable = true) String author,
    @Schema(required = true, nullable = true) String coverImageUrl,
    @Schema(required = true) ArticleStatus status,
    @Schema(
            required = true,
            description = "True when the public API shows it now (published and due).")
        boolean visible,
    @Schema(required = true) long categoryId,
    @Schema(required = true) long zoneId,
    @Schema(required = true, nullable = true) Long publisherZoneId,
    @Schema(required = true, nullable = true) CategoryRef category,
    @Schema(required = true, nullable = true) ZoneRef zone,
    @Schema(required = true, nullable = true) ZoneRef publisherZone,
    @Schema(required = true) OffsetDateTime createdAt,
    @Schema(required = true) OffsetDateTime updatedAt,
    @Schema(required = true, nullable = true) String createdBy,
    @Schema(required = true, nullable = true) String updatedBy,
    @Schema(
            required = true,
            description = "Also the ETag; send it back in If-Match to change the article.")
        long version)
    implements Versioned {

  static ArticleAdminView from(
      Article article, CategoryRef category, ZoneRef zone, ZoneRef publisherZone) {
    Instant now = Instant.now();
    return new ArticleAdminView(
        article.id,
        article.slug,
        article.externalId,
        article.title,
        article.summary,
        article.body,
        PortalTime.toPortal(article.publishedAt),
        article.source,
        article.sourceUrl,
        article.author,
        article.coverImageUrl,
        article.status,
        article.status == ArticleStatus.PUBLISHED && !article.publishedAt.isAfter(now),
        article.categoryId,
        article.zoneId,
        article.publisherZoneId,
        category,
        zone,
        publisherZone,
        PortalTime.toPortal(article.createdAt),
        PortalTime.toPortal(article.updatedAt),
        article.createdBy,
        article.updatedBy,
        article.version);
  }
}
