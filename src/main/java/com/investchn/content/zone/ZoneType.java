package com.investchn.content.zone;

import com.fasterxml.jackson.annotation.JsonValue;

/** The policy type of a development zone. */
public enum ZoneType {
  ECONOMIC_TECHNOLOGICAL,
  HIGH_TECH,
  FREE_TRADE,
  COMPREHENSIVE_BONDED,
  OTHER;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  public static ZoneType fromWireName(String raw) {
    return valueOf(raw.toUpperCase());
  }
}
