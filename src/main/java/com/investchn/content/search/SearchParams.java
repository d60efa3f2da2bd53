package com.investchn.content.search;

import com.investchn.content.article.ArticleListParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The raw query parameters of a search: the text, the article list filters and the order. */
public class SearchParams {

  @QueryParam("q")
  @Parameter(
      description =
          "What to look for, 1 to 200 characters: words (all must match; Chinese of two or more"
              + " characters matches those characters adjacent and in order), \"quoted"
              + " phrases\", -word to exclude, OR between two terms. Any other character is"
              + " text.",
      required = true,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 200))
  public String q;

  @QueryParam("category")
  @Parameter(
      description =
          "Only this category (id or slug) and every category below it, e.g. `zone-news`.")
  public String category;

  @QueryParam("zone")
  @Parameter(
      description =
          "Only articles filed under this zone (id or slug) or any zone below it, e.g. `daxing`.")
  public String zone;

  @QueryParam("publisherZone")
  @Parameter(
      description =
          "Only articles published by this development zone (id or slug), e.g. `beijing-etdz`.")
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
              + " Asia/Shanghai when no offset is given.")
  public String to;

  @QueryParam("sort")
  @Parameter(
      description =
          "relevance (the default: best match first, newer first among equals) or publishedAt.",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"relevance", "publishedAt,desc", "publishedAt,asc"}))
  public String sort;

  /** The filters as an article list's parameters, without its sort (search has its own). */
  ArticleListParams filters() {
    ArticleListParams params = new ArticleListParams();
    params.category = category;
    params.zone = zone;
    params.publisherZone = publisherZone;
    params.source = source;
    params.from = from;
    params.to = to;
    return params;
  }
}
