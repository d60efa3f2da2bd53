package com.investchn.content.article;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The list an article was navigated in, as the parameters of GET /api/v1/articles. */
@Schema(
    name = "ArticleListContext",
    description = "The list in which previous and next were taken, as GET /articles parameters.")
record ArticleListContext(
    @Schema(required = true, nullable = true, example = "text-news") String category,
    @Schema(required = true, nullable = true, example = "daxing") String zone,
    @Schema(required = true, nullable = true, example = "beijing-etdz") String publisherZone,
    @Schema(required = true, nullable = true, example = "大兴区融媒体中心") String source,
    @Schema(required = true, nullable = true, example = "2024-01-01") String from,
    @Schema(required = true, nullable = true, example = "2024-12-31") String to,
    @Schema(required = true, example = "publishedAt,desc") String sort,
    @Schema(
            required = true,
            description = "The list itself: a GET /api/v1/articles path with these parameters.",
            example = "/api/v1/articles?category=text-news&zone=daxing&sort=publishedAt,desc")
        String list) {

  static ArticleListContext of(
      String category,
      String zone,
      String publisherZone,
      String source,
      String from,
      String to,
      ArticleSort sort) {
    StringJoiner query = new StringJoiner("&", "/api/v1/articles?", "");
    add(query, "category", category);
    add(query, "zone", zone);
    add(query, "publisherZone", publisherZone);
    add(query, "source", source);
    add(query, "from", from);
    add(query, "to", to);
    add(query, "sort", sort.wireName());
    return new ArticleListContext(
        category, zone, publisherZone, source, from, to, sort.wireName(), query.toString());
  }

  private static void add(StringJoiner query, String name, String value) {
    if (value != null) {
      query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ","));
    }
  }
}
