package com.investchn.content.zone;

import com.fasterxml.jackson.annotation.JsonValue;
import com.investchn.content.common.problem.InvalidParameterException;

/** The authority that approved a development zone. */
public enum ZoneLevel {
  NATIONAL,
  PROVINCIAL;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  static ZoneLevel fromQuery(String parameter, String raw) {
    for (ZoneLevel level : values()) {
      if (level.wireName().equals(raw)) {
        return level;
      }
    }
    throw new InvalidParameterException(
        parameter, "must be one of national, provincial, got '" + raw + "'.");
  }
}
