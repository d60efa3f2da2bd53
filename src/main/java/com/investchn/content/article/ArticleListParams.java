package com.investchn.content.article;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The raw query parameters of an article list, shared by the list and the adjacency endpoint.
 * Values stay strings here so that a bad one becomes a 400 that names it, not a framework 404.
 * Their examples live in the descriptions: Swagger UI would fill an example into the form, and "Try
 * it out" would then list one article instead of the first page of all.
 */
public class ArticleListParams {

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

  @QueryParam("sort")
  @Parameter(
      description =
          "Order of the list, publishedAt,desc when absent: by publication time or by the time"
              + " of the last change (updatedAt), newest or oldest first; ties are broken by id the"
              + " same way, so every order is total and cursors never skip or repeat an item.",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {
                "publishedAt,desc",
                "publishedAt,asc",
                "updatedAt,desc",
                "updatedAt,asc"
              }))
  public String sort;

  boolean isEmpty() {
    return category == null
        && zone == null
        && publisherZone == null
        && source == null
        && from == null
        && to == null
        && sort == null;
  }
}
