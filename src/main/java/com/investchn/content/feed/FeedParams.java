package com.investchn.content.feed;

import com.investchn.content.article.ArticleListParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters of a feed: the filters and orders of {@code GET /articles} (never its
 * paging: a feed is the first entries of the list) and how many entries. Values stay strings, so a
 * bad one is a 400 that names it.
 */
public class FeedParams {

  /** Every parameter, each to be given once and never empty. */
  static final String[] NAMES = {
    "category", "zone", "publisherZone", "source", "from", "to", "sort", "limit"
  };

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
              + " Asia/Shanghai when no offset is given, e.g. `2024-12-31`.")
  public String to;

  @QueryParam("sort")
  @Parameter(
      description =
          "Order of the entries, publishedAt,desc (the newest first) when absent; the orders of"
              + " GET /articles: updatedAt,desc gives the most recently changed articles.",
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

  @QueryParam("limit")
  @Parameter(
      description = "Number of entries, the newest first.",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  public String limit;

  /** The filters and order as the article list takes them. */
  ArticleListParams filters() {
    ArticleListParams params = new ArticleListParams();
    params.category = category;
    params.zone = zone;
    params.publisherZone = publisherZone;
    params.source = source;
    params.from = from;
    params.to = to;
    params.sort = sort;
    return params;
  }
}
