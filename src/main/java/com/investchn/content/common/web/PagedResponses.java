package com.investchn.content.common.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
    URI request = uriInfo.getRequestUri();
    List<String[]> query = parseRawQuery(request.getRawQuery());
    boolean cursorMode = query.stream().anyMatch(pair -> pair[0].equals("cursor"));
    long last = Math.max(page.totalPages(), 1);
    List<String> links = new ArrayList<>(4);
    links.add(link(request, query, "page", "1", "first"));
    if (page.page() > 1) {
      links.add(
          link(request, query, "page", Long.toString(Math.min(page.page() - 1, last)), "prev"));
    }
    if (page.nextCursor() != null) {
      links.add(
          cursorMode
              ? link(request, query, "cursor", page.nextCursor(), "next")
              : link(request, query, "page", Long.toString(page.page() + 1), "next"));
    }
    links.add(link(request, query, "page", Long.toString(last), "last"));
    return String.join(", ", links);
  }

  /** Splits a raw query into still-encoded name/value pairs, so other parameters pass untouched. */
  private static List<String[]> parseRawQuery(String rawQuery) {
    List<String[]> pairs = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return pairs;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(new String[] {decodeName(name), value, part});
    }
    return pairs;
  }

  private static String decodeName(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  /** The request URI with page and cursor removed and {@code name=value} appended. */
  private static String link(
      URI request, List<String[]> query, String name, String value, String rel) {
    StringBuilder uri = new StringBuilder();
    uri.append(request.getScheme()).append("://").append(request.getRawAuthority());
    uri.append(request.getRawPath());
    char separator = '?';
    for (String[] pair : query) {
      if (pair[0].equals("page") || pair[0].equals("cursor")) {
        continue;
      }
      uri.append(separator).append(pair[2]);
      separator = '&';
    }
    uri.append(separator)
        .append(name)
        .append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }
}
