package com.investchn.content.zone;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A zone named in another resource: enough to show and link it. */
@Schema(name = "ZoneRef", description = "A zone as referenced from another resource.")
public record ZoneRef(
    @Schema(required = true, example = "12") long id,
    @Schema(required = true, example = "daxing") String slug,
    @Schema(required = true, example = "大兴区") String name) {

  public static ZoneRef from(ZoneInfo zone) {
    return zone == null ? null : new ZoneRef(zone.id(), zone.slug(), zone.name());
  }
}
