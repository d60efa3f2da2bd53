package com.investchn.content.common.tombstone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Records deletions in the caller's transaction, so a delete and its tombstone commit together. */
@ApplicationScoped
public class TombstoneRepository implements PanacheRepository<Tombstone> {

  public Tombstone record(String resourceType, long resourceId, String slug, String actor) {
    Tombstone tombstone = new Tombstone();
    tombstone.resourceType = resourceType;
    tombstone.resourceId = resourceId;
    tombstone.slug = slug;
    tombstone.deletedAt = Instant.now();
    tombstone.deletedBy = actor;
    persist(tombstone);
    return tombstone;
  }
}
