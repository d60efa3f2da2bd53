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
public class FeedParams extends ArticleListParams {

  /** Every parameter, each to be given once and never empty. */
  static final String[] NAMES = {
    "category", "zone", "publisherZone", "source", "from", "to", "sort", "limit"
  };

  @QueryParam("limit")
  @Parameter(
      description = "Number of entries, the newest first.",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  public String limit;
}
