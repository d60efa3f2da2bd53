package com.investchn.content.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;

/**
 * The lines of the NDJSON transfer format, one JSON object a line, each with a {@code type}.
 * References between lines are slugs, so a file moves between databases whose ids differ.
 */
final class TransferLines {

  private TransferLines() {}

  static final String SITE = "site";
  static final String ZONE = "zone";
  static final String CATEGORY = "category";
  static final String ARTICLE = "article";

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"type"})
  record SiteLine(
      String type,
      String name,
      String nameEn,
      String slogan,
      String baseUrl,
      String logoUrl,
      String locale,
      String timezone,
      String phone,
      String fax,
      String email,
      String address,
      String copyright,
      String icpLicense,
      OffsetDateTime updatedAt,
      String updatedBy) {}

  /** {@code zoneType} because {@code type} names the line. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"type"})
  record ZoneLine(
      String type,
      String slug,
      String name,
      String nameEn,
      String kind,
      String level,
      String zoneType,
      String parent,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String createdBy,
      String updatedBy) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"type"})
  record CategoryLine(
      String type,
      String slug,
      String name,
      String nameEn,
      String parent,
      Integer position,
      Boolean zoneScoped,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String createdBy,
      String updatedBy) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  @JsonPropertyOrder({"type"})
  record ArticleLine(
      String type,
      String slug,
      String externalId,
      String title,
      String summary,
      String body,
      OffsetDateTime publishedAt,
      String source,
      String sourceUrl,
      String author,
      String coverImageUrl,
      String category,
      String zone,
      String publisherZone,
      String status,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String createdBy,
      String updatedBy) {}
}
