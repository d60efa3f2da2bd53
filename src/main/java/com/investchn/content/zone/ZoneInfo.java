package com.investchn.content.zone;

/** An immutable copy of a zone, held by {@link ZoneCatalog} and shared by every request. */
public record ZoneInfo(
    long id,
    String slug,
    String name,
    String nameEn,
    ZoneKind kind,
    ZoneLevel level,
    ZoneType type,
    Long parentId) {

  static ZoneInfo from(Zone zone) {
    return new ZoneInfo(
        zone.id,
        zone.slug,
        zone.name,
        zone.nameEn,
        zone.kind,
        zone.level,
        zone.type,
        zone.parentId);
  }
}
