package com.investchn.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.problem.InvalidParameterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The parsers check a value's length and characters before any regular expression reads it, so a
 * value of 100,000 characters is refused by the length rule (the message says so), whatever shape
 * would have made an expression backtrack.
 */
class HostileValuesTest {

  private static final int HUGE = 100_000;

  @Test
  void dateBoundsAreRefusedByLengthAndShapeBeforeAnyExpression() {
    for (String hostile :
        new String[] {
          "T".repeat(HUGE),
          "2024-06-21T" + "T".repeat(HUGE) + "+08:00",
          "2024-06-21T09:30:00" + " ".repeat(HUGE) + "08:00",
          "9".repeat(HUGE)
        }) {
      for (String parameter : new String[] {"from", "to"}) {
        InvalidParameterException refused =
            assertThrows(
                InvalidParameterException.class,
                () -> ArticleQueryParser.parseBound(parameter, hostile, parameter.equals("to")));
        assertEquals(parameter, refused.parameter());
        assertTrue(refused.getMessage().contains("of at most 40 characters"), refused.getMessage());
        assertTrue(refused.getMessage().length() < 300, "the value is not echoed whole");
      }
    }
    // A character no date has is refused by shape, however short.
    InvalidParameterException letters =
        assertThrows(
            InvalidParameterException.class,
            () -> ArticleQueryParser.parseBound("from", "yesterday", false));
    assertTrue(letters.getMessage().contains("of at most 40 characters"), letters.getMessage());
  }

  @Test
  void realDateBoundsStillParse() {
    assertEquals(
        Instant.parse("2024-06-21T01:30:00Z"),
        ArticleQueryParser.parseBound("from", "2024-06-21T09:30:00+08:00", false));
    assertEquals(
        Instant.parse("2024-06-21T01:30:00Z"),
        ArticleQueryParser.parseBound("from", "2024-06-21T09:30:00 08:00", false));
    assertEquals(
        Instant.parse("2024-06-21T01:30:00.123456Z"),
        ArticleQueryParser.parseBound("from", "2024-06-21T09:30:00.123456789+08:00", false));
    assertEquals(
        Instant.parse("2024-06-21T01:30:00Z"),
        ArticleQueryParser.parseBound("from", "2024-06-21t09:30:00", false));
    assertEquals(
        Instant.parse("2024-06-20T16:00:00Z"),
        ArticleQueryParser.parseBound("from", "2024-06-21", false));
    assertEquals(
        Instant.parse("2024-06-21T01:30:00Z"),
        ArticleQueryParser.parseBound("to", "2024-06-21T01:30:00Z", true));
  }

  @Test
  void pageAndSizeAreRefusedByLengthBeforeAnyExpression() {
    for (String hostile : new String[] {"1".repeat(HUGE), "T".repeat(HUGE)}) {
      InvalidParameterException page =
          assertThrows(
              InvalidParameterException.class, () -> PageRequest.parse(hostile, null, null));
      assertEquals("page", page.parameter());
      assertTrue(page.getMessage().length() < 300, "the value is not echoed whole");
      InvalidParameterException size =
          assertThrows(
              InvalidParameterException.class, () -> PageRequest.parse(null, hostile, null));
      assertEquals("size", size.parameter());
    }
    InvalidParameterException cursor =
        assertThrows(
            InvalidParameterException.class,
            () -> PageRequest.parse(null, null, "A".repeat(HUGE) + "." + "B".repeat(HUGE)));
    assertEquals("cursor", cursor.parameter());
    assertTrue(cursor.getMessage().contains("at most 256 characters"), cursor.getMessage());
  }

  @Test
  void sortAndEveryOtherValueAreBoundedBeforeTheyAreRead() {
    InvalidParameterException sort =
        assertThrows(
            InvalidParameterException.class, () -> ArticleSort.fromQuery("x".repeat(HUGE)));
    assertTrue(sort.getMessage().length() < 300, "the value is not echoed whole");
    InvalidParameterException any =
        assertThrows(
            InvalidParameterException.class,
            () -> QueryParameters.requireBoundedLength("source", "源".repeat(HUGE)));
    assertEquals("source", any.parameter());
    QueryParameters.requireBoundedLength("source", "源".repeat(QueryParameters.MAX_VALUE_LENGTH));
  }
}
