package com.investchn.content.common.edge;

import com.investchn.content.common.problem.InvalidParameterException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Rules every query parameter follows before it is parsed: at most once, never empty (so that
 * {@code page=} or {@code page=1&page=2} are a 400 instead of silently meaning something), and
 * never longer than {@link #MAX_VALUE_LENGTH}, so that no parser or regular expression ever reads a
 * hostile 16,000-character value.
 */
public final class QueryParameters {

  /**
   * Longest value any query parameter accepts. Every real value is shorter: ids, slugs (at most
   * 200), sources (stored with at most 200 characters), dates and date-times, sort orders and
   * cursors (about 120).
   */
  public static final int MAX_VALUE_LENGTH = 256;

  /**
   * The list of up to 100 ids or slugs, {@code ids}, may be as long as the request line allows;
   * each of its items is then held to {@link #MAX_VALUE_LENGTH} on its own.
   */
  public static final int MAX_LIST_LENGTH = 16_384;

  private static final java.util.Set<String> LISTS = java.util.Set.of("ids");

  /** How much of a bad value or name a problem's detail repeats. */
  private static final int SHOWN = 64;

  private QueryParameters() {}

  public static void requireSingleAndNonEmpty(UriInfo uriInfo, String... names) {
    MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
    for (String name : names) {
      List<String> values = query.get(name);
      if (values == null) {
        continue;
      }
      requireSingle(name, values);
      if (values.get(0) == null || values.get(0).isEmpty()) {
        throw new InvalidParameterException(name, "must not be empty.");
      }
    }
  }

  /**
   * Only the first rule, for a parameter whose own parser says more about an empty value than "must
   * not be empty" (fields= lists the valid fields).
   */
  public static void requireSingle(UriInfo uriInfo, String... names) {
    MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
    for (String name : names) {
      requireSingle(name, query.get(name));
    }
  }

  private static void requireSingle(String name, List<String> values) {
    if (values != null && values.size() > 1) {
      throw new InvalidParameterException(name, "must be given at most once.");
    }
  }

  /**
   * A value no longer than {@link #MAX_VALUE_LENGTH} ({@link #MAX_LIST_LENGTH} for {@code ids}),
   * checked before anything else reads it.
   */
  public static void requireBoundedLength(String name, String value) {
    int limit = LISTS.contains(name) ? MAX_LIST_LENGTH : MAX_VALUE_LENGTH;
    if (value != null && value.length() > limit) {
      throw new InvalidParameterException(
          name, "must be at most " + limit + " characters long, got " + value.length() + ".");
    }
  }

  /**
   * A value without U+0000: PostgreSQL cannot compare a text with it ("invalid byte sequence"), so
   * a source filter of %00 was a 500 there, and no real value holds it.
   */
  public static void requireNoNul(String name, String value) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw new InvalidParameterException(name, "must not contain the character U+0000 (NUL).");
    }
  }

  /** A client's value as a problem repeats it: cut short when it is long. */
  public static String shown(String value) {
    return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
  }
}
