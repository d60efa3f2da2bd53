package com.investchn.content.search;

import com.investchn.content.article.ArticleFilterParams;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The raw query parameters of a search: the text, the article list filters and the order. */
public class SearchParams extends ArticleFilterParams {

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

  @QueryParam("sort")
  @Parameter(
      description =
          "relevance (the default: best match first, newer first among equals) or publishedAt.",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"relevance", "publishedAt,desc", "publishedAt,asc"}))
  public String sort;
}
