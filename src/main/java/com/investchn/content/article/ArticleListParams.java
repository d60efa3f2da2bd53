package com.investchn.content.article;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The raw query parameters of an article list, shared by the list, the adjacency endpoint and the
 * feeds: the filters and the order. Values stay strings here so that a bad one becomes a 400 that
 * names it, not a framework 404. Their examples live in the descriptions: Swagger UI would fill an
 * example into the form, and "Try it out" would then list one article instead of the first page of
 * all.
 */
public class ArticleListParams extends ArticleFilterParams {

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
