package com.investchn.content.common.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the totals of the whole list and the cursor of the next page. */
public record PageResponse<T>(
    @Schema(
            required = true,
            description = "The items of this page, in list order; empty past the last page.")
        List<T> items,
    @Schema(required = true, description = "1-based number of this page.", example = "1") long page,
    @Schema(required = true, description = "Requested page size.", example = "20") int size,
    @Schema(required = true, description = "Number of items in the whole list.", example = "342")
        long totalItems,
    @Schema(
            required = true,
            description = "Number of pages of this size in the whole list.",
            example = "18")
        long totalPages,
    @Schema(
            required = true,
            description =
                "Opaque cursor of the following page (pass it as 'cursor'), null on the last page.",
            nullable = true,
            example = "eyJ2IjoxfQ.c2lnbmF0dXJl")
        String nextCursor) {

  /** Builds a page from its items, the position of its first item and the list's total. */
  public static <T> PageResponse<T> of(
      List<T> items, long offset, int size, long totalItems, String nextCursor) {
    long totalPages = (totalItems + size - 1) / size;
    return new PageResponse<>(items, offset / size + 1, size, totalItems, totalPages, nextCursor);
  }
}
