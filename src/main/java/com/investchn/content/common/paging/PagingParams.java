package com.investchn.content.common.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page and size of a list paged by number, declared once with their contract texts. A cursor,
 * where a list has one, stays the resource's own: what it must be sent with differs per list.
 */
public class PagingParams {

  @QueryParam("page")
  @Parameter(
      description = "1-based page number.",
      schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
  public String page;

  @QueryParam("size")
  @Parameter(
      description = "Page size.",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
  public String size;

  /** The page asked for; a bad page or size, or a cursor beside a page, is a 400 naming it. */
  public PageRequest parse(String cursor) {
    return PageRequest.parse(page, size, cursor);
  }
}
