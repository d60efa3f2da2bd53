package com.investchn.content.common.paging;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Wraps a page in a response with the X-Total-Count header and an RFC 8288 Link header whose links
 * keep every other query parameter of the request.
 */
public final class PagedResponses {

  public static final String TOTAL_COUNT = "X-Total-Count";

  private PagedResponses() {}

  public static <T> RestResponse<PageResponse<T>> ok(PageResponse<T> page, UriInfo uriInfo) {
    return RestResponse.ResponseBuilder.ok(page)
        .header(TOTAL_COUNT, page.totalItems())
        .header("Link", linkHeader(page, uriInfo))
        .build();
  }

  static String linkHeader(PageResponse<?> page, UriInfo uriInfo) {
    boolean cursorMode = uriInfo.getQueryParameters().containsKey("cursor");
    long last = Math.max(page.totalPages(), 1);
    List<String> links = new ArrayList<>(4);
    links.add(link(uriInfo, "page", "1", "first"));
    if (page.page() > 1) {
      links.add(link(uriInfo, "page", Long.toString(Math.min(page.page() - 1, last)), "prev"));
    }
    if (page.nextCursor() != null) {
      links.add(
          cursorMode
              ? link(uriInfo, "cursor", page.nextCursor(), "next")
              : link(uriInfo, "page", Long.toString(page.page() + 1), "next"));
    }
    links.add(link(uriInfo, "page", Long.toString(last), "last"));
    return String.join(", ", links);
  }

  /**
   * The request URI, every other parameter kept as the client encoded it, with page and cursor
   * replaced by {@code name=value}.
   */
  private static String link(UriInfo uriInfo, String name, String value, String rel) {
    URI target =
        uriInfo
            .getRequestUriBuilder()
            .replaceQueryParam("page")
            .replaceQueryParam("cursor")
            .queryParam(name, value)
            .build();
    return Link.fromUri(target).rel(rel).build().toString();
  }
}
