package com.investchn.content.zone;

import com.investchn.content.common.tree.NodeArticles;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Persistence of zones; the public API reads them through {@link ZoneCatalog}. */
@ApplicationScoped
public class ZoneRepository implements PanacheRepository<Zone> {

  /** The id of the zone with this slug, read in the caller's transaction; null when none. */
  public Long idOfSlug(String slug) {
    return getEntityManager()
        .createQuery("select n.id from Zone n where n.slug = ?1", Long.class)
        .setParameter(1, slug)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Articles filed under or published by the zone. */
  public List<NodeArticles.ReferringArticle> articlesReferring(long zoneId) {
    return new NodeArticles(getEntityManager()).referring(zoneId, "zone_id", "publisher_zone_id");
  }

  /** Hands every article of one zone to another, as filing zone and as publisher. */
  public void reassignArticles(long fromZoneId, long toZoneId, String actor) {
    NodeArticles articles = new NodeArticles(getEntityManager());
    articles.reassign("zone_id", fromZoneId, toZoneId, actor);
    articles.reassign("publisher_zone_id", fromZoneId, toZoneId, actor);
  }
}
