package com.investchn.content.common.change;

import java.util.Set;

/**
 * The change log moved past committed entries of these kinds, made by this instance or by another
 * one; whatever caches content of such a kind reloads it.
 */
public record ChangesCommitted(Set<Change.Entity> entities, long throughSeq) {

  public boolean touches(Change.Entity entity) {
    return entities.contains(entity);
  }
}
