package com.investchn.content.feed;

import com.investchn.content.common.time.PortalTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as syndication formats want them, in Asia/Shanghai (+08:00) and to the whole second: feed
 * readers (ROME among them) misread the six fractional digits the JSON API sends, taking {@code
 * .123456} for 123,456 milliseconds.
 */
final class FeedTimes {

  /** RFC 822 (with a four-digit year), as RSS 2.0 asks: {@code Fri, 21 Jun 2024 09:30:00 +0800}. */
  private static final DateTimeFormatter RFC_822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss Z", Locale.US);

  /** RFC 3339, which is also the W3C Datetime of sitemaps: {@code 2024-06-21T09:30:00+08:00}. */
  private static final DateTimeFormatter RFC_3339 =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private FeedTimes() {}

  static String rfc822(Instant instant) {
    return RFC_822.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(PortalTime.ZONE));
  }

  static String rfc3339(Instant instant) {
    return RFC_3339.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(PortalTime.ZONE));
  }
}
