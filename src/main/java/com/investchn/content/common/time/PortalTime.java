package com.investchn.content.common.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** The portal's time zone: instants are stored, Asia/Shanghai is what clients see. */
public final class PortalTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /**
   * The one form of every instant on the wire: ISO-8601 with exactly six fractional digits, the
   * microseconds both databases store, and the Shanghai offset, e.g. {@code
   * 2024-06-21T09:30:00.000000+08:00}. Fixed digits show every stored instant exactly, so a time
   * read from one answer and sent back as {@code to=} includes what it came from.
   */
  public static final DateTimeFormatter WIRE =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .appendFraction(ChronoField.NANO_OF_SECOND, 6, 6, true)
          .appendOffset("+HH:MM", "+00:00")
          .toFormatter();

  private PortalTime() {}

  public static OffsetDateTime toPortal(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }

  /** An instant in the wire form, shown in Asia/Shanghai whatever offset it came with. */
  public static String format(OffsetDateTime time) {
    return WIRE.format(time.toInstant().atZone(ZONE));
  }
}
