package com.investchn.content.common.tombstone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records deletions in the caller's transaction, so a delete and its tombstone commit together. */
@ApplicationScoped
public class TombstoneRepository implements PanacheRepository<Tombstone> {

  public Tombstone record(
      String resourceType, long resourceId, String slug, String externalId, String actor) {
    Tombstone tombstone = new Tombstone();
    tombstone.resourceType = resourceType;
    tombstone.resourceId = resourceId;
    tombstone.slug = slug;
    tombstone.externalId = externalId;
    tombstone.deletedAt = Instant.now();
    tombstone.deletedBy = actor;
    persist(tombstone);
    return tombstone;
  }

  /** Whether a resource of this type with this slug or external id was deleted. */
  public boolean wasDeleted(String resourceType, String slug, String externalId) {
    if (externalId != null
        && count("resourceType = ?1 and externalId = ?2", resourceType, externalId) > 0) {
      return true;
    }
    return slug != null && count("resourceType = ?1 and slug = ?2", resourceType, slug) > 0;
  }
}
