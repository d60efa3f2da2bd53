package com.investchn.content.common.paging;

import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.InvalidParameterException;

/**
 * The paging part of a list request: a 1-based page number or an opaque cursor, and a page size.
 * Bad values are rejected, never clamped.
 */
public record PageRequest(int page, int size, String cursor) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]+");

  /** Parses the raw query values; null means the parameter was not given. */
  public static PageRequest parse(String page, String size, String cursor) {
    int parsedSize = size == null ? DEFAULT_SIZE : parseInt("size", size, 1, MAX_SIZE);
    if (cursor != null) {
      if (page != null) {
        throw new InvalidParameterException(
            "page",
            "cannot be combined with 'cursor'; a cursor already says where the page starts.");
      }
      if (cursor.isBlank()) {
        throw new InvalidParameterException("cursor", "must not be empty.");
      }
      QueryParameters.requireBoundedLength("cursor", cursor);
      return new PageRequest(0, parsedSize, cursor);
    }
    int parsedPage = page == null ? 1 : parseInt("page", page, 1, Integer.MAX_VALUE);
    return new PageRequest(parsedPage, parsedSize, null);
  }

  public boolean usesCursor() {
    return cursor != null;
  }

  /** Number of items before this page when paging by number. */
  public long offset() {
    return (long) (page - 1) * size;
  }

  private static int parseInt(String name, String raw, int min, int max) {
    String range =
        max == Integer.MAX_VALUE ? "a positive integer" : "an integer from " + min + " to " + max;
    // Length first, so nothing longer than ten characters is ever scanned; up to ten ASCII digits
    // always fit a long, so only the range is left to check.
    if (raw.isEmpty() || raw.length() > 10 || !DIGITS.matcher(raw).matches()) {
      throw new InvalidParameterException(
          name, "must be " + range + ", got '" + QueryParameters.shown(raw) + "'.");
    }
    long value = Long.parseLong(raw);
    if (value < min || value > max) {
      throw new InvalidParameterException(name, "must be " + range + ", got '" + raw + "'.");
    }
    return (int) value;
  }
}
