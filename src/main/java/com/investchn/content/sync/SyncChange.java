package com.investchn.content.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.investchn.content.article.ArticleDetail;
import com.investchn.content.category.CategoryDetail;
import com.investchn.content.site.SiteResponse;
import com.investchn.content.zone.ZoneDetail;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entity as a mirror should now hold it: its public representation, or gone. */
@Schema(
    name = "SyncChange",
    description =
        "The latest state of one entity after the cursor: upsert with the representation the"
            + " public API serves for it, or delete (no data) when the public API answers 404"
            + " for it or it left the follower's filters.")
record SyncChange(
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {"article", "zone", "category", "site"},
            example = "article")
        String entity,
    @Schema(
            required = true,
            type = SchemaType.STRING,
            enumeration = {"upsert", "delete"},
            example = "upsert")
        String op,
    @Schema(required = true, example = "318") long id,
    @Schema(
            required = true,
            nullable = true,
            description = "The entity's slug; null for the site record.",
            example = "daxing-signing-ceremony-2024-06-21")
        String slug,
    @Schema(
            required = true,
            description = "When the change-log entry served here was made.",
            example = "2024-06-21T09:30:00.000000+08:00")
        OffsetDateTime changedAt,
    @Schema(
            description =
                "For an upsert, exactly what GET /api/v1/articles/{id}, /zones/{id},"
                    + " /categories/{id} or /site answers for the entity; left out for a delete.",
            oneOf = {
              ArticleDetail.class,
              ZoneDetail.class,
              CategoryDetail.class,
              SiteResponse.class
            })
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Object data) {}
