package com.investchn.content.zone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of zones; the public API reads them through {@link ZoneCatalog}. */
@ApplicationScoped
public class ZoneRepository implements PanacheRepository<Zone> {

  // Articles are counted and moved in SQL so that the zone feature needs no dependency on the
  // article feature (which depends on zones).

  /** Articles filed under or published by the zone. */
  public long countArticlesReferring(long zoneId) {
    Number count =
        (Number)
            getEntityManager()
                .createNativeQuery(
                    "select count(*) from article where zone_id = ?1 or publisher_zone_id = ?1")
                .setParameter(1, zoneId)
                .getSingleResult();
    return count.longValue();
  }

  /** Hands every article of one zone to another, as filing zone and as publisher. */
  public void reassignArticles(long fromZoneId, long toZoneId) {
    getEntityManager()
        .createNativeQuery(
            "update article set zone_id = ?2, version = version + 1 where zone_id = ?1")
        .setParameter(1, fromZoneId)
        .setParameter(2, toZoneId)
        .executeUpdate();
    getEntityManager()
        .createNativeQuery(
            "update article set publisher_zone_id = ?2, version = version + 1"
                + " where publisher_zone_id = ?1")
        .setParameter(1, fromZoneId)
        .setParameter(2, toZoneId)
        .executeUpdate();
  }
}
