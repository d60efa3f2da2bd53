package com.investchn.content.zone;

import com.fasterxml.jackson.annotation.JsonValue;
import com.investchn.content.common.problem.InvalidParameterException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a zone is: a place in the administrative hierarchy or a development zone. */
public enum ZoneKind {
  PROVINCE,
  CITY,
  DISTRICT,
  DEVELOPMENT_ZONE;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }

  static ZoneKind fromQuery(String parameter, String raw) {
    return Arrays.stream(values())
        .filter(kind -> kind.wireName().equals(raw))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidParameterException(
                    parameter,
                    "must be one of "
                        + Arrays.stream(values())
                            .map(ZoneKind::wireName)
                            .collect(Collectors.joining(", "))
                        + ", got '"
                        + raw
                        + "'."));
  }
}
