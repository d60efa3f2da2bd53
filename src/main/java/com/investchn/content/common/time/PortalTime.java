package com.investchn.content.common.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The portal's time zone: instants are stored, Asia/Shanghai is what clients see. */
public final class PortalTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private PortalTime() {}

  public static OffsetDateTime toPortal(Instant instant) {
    return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
  }
}
