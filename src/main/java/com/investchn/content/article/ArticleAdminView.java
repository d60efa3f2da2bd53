package com.investchn.content.article;

import com.investchn.content.category.CategoryRef;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.web.Versioned;
import com.investchn.content.zone.ZoneRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as the editorial API shows it: every field, any status, who changed it. */
@Schema(name = "ArticleAdminView", description = "An article in the editorial API.")
public record ArticleAdminView(
    long id,
    String slug,
    @Schema(nullable = true) String externalId,
    String title,
    String summary,
    String body,
    @Schema(nullable = true) OffsetDateTime publishedAt,
    @Schema(nullable = true) String source,
    @Schema(nullable = true) String sourceUrl,
    @Schema(nullable = true) String author,
    @Schema(nullable = true) String coverImageUrl,
    ArticleStatus status,
    @Schema(description = "True when the public API shows it now (published and due).")
        boolean visible,
    long categoryId,
    long zoneId,
    @Schema(nullable = true) Long publisherZoneId,
    @Schema(nullable = true) CategoryRef category,
    @Schema(nullable = true) ZoneRef zone,
    @Schema(nullable = true) ZoneRef publisherZone,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    @Schema(nullable = true) String createdBy,
    @Schema(nullable = true) String updatedBy,
    @Schema(description = "Also the ETag; send it back in If-Match to change the article.")
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
