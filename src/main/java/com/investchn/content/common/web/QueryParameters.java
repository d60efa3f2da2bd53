package com.investchn.content.common.web;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Checks that the named query parameters appear at most once and never empty, so that {@code page=}
 * or {@code page=1&page=2} are a 400 instead of silently meaning something.
 */
public final class QueryParameters {

  private QueryParameters() {}

  public static void requireSingleAndNonEmpty(UriInfo uriInfo, String... names) {
    MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
    for (String name : names) {
      List<String> values = query.get(name);
      if (values == null) {
        continue;
      }
      if (values.size() > 1) {
        throw new InvalidParameterException(name, "must be given at most once.");
      }
      if (values.get(0) == null || values.get(0).isEmpty()) {
        throw new InvalidParameterException(name, "must not be empty.");
      }
    }
  }
}
