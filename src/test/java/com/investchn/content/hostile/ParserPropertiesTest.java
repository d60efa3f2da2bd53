package com.investchn.content.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.problem.InvalidParameterException;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * jqwik properties, with shrinking, of the pure parsers every public request passes through: for
 * any string they answer or refuse with an InvalidParameterException naming the parameter, never
 * anything else, and never echo a value unbounded.
 */
class ParserPropertiesTest {

  private static final Set<String> PAGING = Set.of("page", "size", "cursor");

  @Provide
  Arbitrary<String> hostile() {
    return HostileValues.strings().injectNull(0.1);
  }

  @Property(tries = 500)
  void anIdOrSlugIsParsedFromAnyStringAndKeepsItWhole(@ForAll("hostile") String raw) {
    IdOrSlug parsed = IdOrSlug.parse(raw);
    parsed.isWellFormed();
    assertEquals(raw == null ? "" : raw, parsed.toString());
  }

  @Property(tries = 500)
  void pagingIsParsedOrRefusedByNameWithABoundedMessage(
      @ForAll("hostile") String page,
      @ForAll("hostile") String size,
      @ForAll("hostile") String cursor) {
    try {
      PageRequest request = PageRequest.parse(page, size, cursor);
      assertTrue(request.usesCursor() || request.offset() >= 0, "offset " + request.offset());
    } catch (InvalidParameterException refused) {
      assertTrue(PAGING.contains(refused.parameter()), refused.parameter());
      assertTrue(refused.getMessage().length() < 400, "echoes the value whole");
    }
  }

  /** The slug expression as it was, with a repeated group; safe on short values only. */
  private static final java.util.regex.Pattern RECURSIVE_SLUG =
      java.util.regex.Pattern.compile("^(?![0-9]+$)[a-z0-9]+(?:-[a-z0-9]+)*$");

  @Provide
  Arbitrary<String> slugLike() {
    return net.jqwik.api.Arbitraries.strings()
        .withChars("ab09-\n")
        .ofMaxLength(12)
        .injectDuplicates(0.1);
  }

  @Property(tries = 1000)
  void theSlugExpressionAcceptsExactlyWhatTheRecursiveOneDid(@ForAll("slugLike") String value) {
    assertEquals(
        RECURSIVE_SLUG.matcher(value).matches(),
        java.util.regex.Pattern.compile(IdOrSlug.SLUG_REGEX).matcher(value).matches(),
        value);
  }

  @Property(tries = 20)
  void theSlugExpressionReadsThousandsOfHyphens(@ForAll("hostile") String tail) {
    String value = "a-".repeat(10_000) + (tail == null ? "a" : tail);
    java.util.regex.Pattern.compile(IdOrSlug.SLUG_REGEX).matcher(value).matches();
  }

  @Property(tries = 500)
  void aValueIsShownBounded(@ForAll("hostile") String raw) {
    if (raw != null) {
      assertTrue(QueryParameters.shown(raw).length() <= 2 * QueryParameters.MAX_VALUE_LENGTH);
    }
  }
}
