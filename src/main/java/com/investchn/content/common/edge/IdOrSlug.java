package com.investchn.content.common.edge;

import java.util.regex.Pattern;

/**
 * A path or query value that names a resource either by numeric id or by slug. Slugs are never all
 * digits, so the two can never be confused.
 */
public record IdOrSlug(String raw, Long id, String slug) {

  /**
   * Lowercase ASCII letters, digits and single hyphens, at least one letter or hyphen-free mix.
   * Written with lookarounds rather than as words joined by a repeated (-word) group: Java runs
   * such a group by recursion, once per hyphen, and a value of thousands of them overflowed the
   * stack wherever it was matched (@Pattern on every body with a slug).
   */
  public static final String SLUG_REGEX = "^(?![0-9]+$)(?!-)(?!.*--)[a-z0-9-]+(?<!-)$";

  /** The longest slug any write accepts (articles; zones and categories allow 100). */
  public static final int MAX_SLUG_LENGTH = 200;

  private static final Pattern SLUG = Pattern.compile(SLUG_REGEX);
  private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,18}$");

  /** Parses a value; an all-digit value is an id, anything else is looked up as a slug. */
  public static IdOrSlug parse(String raw) {
    String value = raw == null ? "" : raw;
    if (DIGITS.matcher(value).matches()) {
      return new IdOrSlug(value, Long.parseLong(value), null);
    }
    return new IdOrSlug(value, null, value);
  }

  /**
   * True when the value could name something at all (a valid id or a well-formed slug). No slug is
   * longer than 200 characters, so a longer value is not even read by the expression.
   */
  public boolean isWellFormed() {
    return id != null || (slug.length() <= MAX_SLUG_LENGTH && SLUG.matcher(slug).matches());
  }

  @Override
  public String toString() {
    return raw;
  }
}
