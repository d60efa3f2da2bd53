package com.investchn.content.common.change;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fired synchronously inside the writer's transaction just before its changes are numbered, so that
 * data derived from the content (the article listing) is kept in the same transaction. An observer
 * that finds other entities whose public representation the write changed too (the neighbours of an
 * article that moved in its list) names them with {@link #alsoChanged}; they are numbered after the
 * write's own changes, in the same transaction.
 */
public record ChangesAppended(List<Change> changes, List<Change> derived) {

  public ChangesAppended(List<Change> changes) {
    this(changes, new ArrayList<>());
  }

  /** Logs one more change with the write's own, without announcing it to observers again. */
  public void alsoChanged(Change change) {
    derived.add(change);
  }

  /** What observers named with {@link #alsoChanged}, in the order they named it. */
  public List<Change> derived() {
    return Collections.unmodifiableList(derived);
  }
}
