package com.investchn.content.article;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters an article list, a feed and a search share: category and zone with everything below
 * them, publisher zone, source and a publication time range. Declared once here, with their
 * contract texts; values stay strings so that a bad one becomes a 400 that names it.
 */
public class ArticleFilterParams {

  @QueryParam("category")
  @Parameter(
      description =
          "Only this category (id or slug) and every category below it, e.g. `zone-news`.")
  public String category;

  @QueryParam("zone")
  @Parameter(
      description =
          "Only articles filed under this zone (id or slug) or any zone below it, e.g."
              + " `daxing`.")
  public String zone;

  @QueryParam("publisherZone")
  @Parameter(
      description =
          "Only articles published by this development zone (id or slug), e.g."
              + " `beijing-etdz`.")
  public String publisherZone;

  @QueryParam("source")
  @Parameter(description = "Only articles with exactly this source, e.g. `大兴区融媒体中心`.")
  public String source;

  @QueryParam("from")
  @Parameter(
      description =
          "Published at or after this date or date-time (inclusive); Asia/Shanghai when no"
              + " offset is given, e.g. `2024-01-01`.")
  public String from;

  @QueryParam("to")
  @Parameter(
      description =
          "Published at or before this date (the whole day) or date-time (inclusive);"
              + " Asia/Shanghai when no offset is given, e.g. `2024-12-31` or"
              + " `2024-12-31T23:59:59+08:00`.")
  public String to;
}
