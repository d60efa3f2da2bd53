package com.investchn.content.common.tree;

import com.investchn.content.common.edge.IdOrSlug;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable index over the nodes of a tree (zones, categories): lookup by id or slug, children
 * in display order, ancestors and descendants, all without touching the database.
 */
public final class Forest<T> {

  private final Map<Long, T> byId = new HashMap<>();
  private final Map<String, T> bySlug = new HashMap<>();
  private final Map<Long, List<T>> childrenById = new HashMap<>();
  private final List<T> roots = new ArrayList<>();
  private final List<T> ordered;
  private final Function<T, Long> idOf;
  private final Function<T, Long> parentIdOf;

  private Forest(
      Collection<T> nodes,
      Function<T, Long> idOf,
      Function<T, Long> parentIdOf,
      Function<T, String> slugOf,
      Comparator<T> order) {
    this.idOf = idOf;
    this.parentIdOf = parentIdOf;
    List<T> sorted = new ArrayList<>(nodes);
    sorted.sort(order);
    this.ordered = List.copyOf(sorted);
    for (T node : sorted) {
      byId.put(idOf.apply(node), node);
      bySlug.put(slugOf.apply(node), node);
    }
    for (T node : sorted) {
      Long parentId = parentIdOf.apply(node);
      if (parentId == null || !byId.containsKey(parentId)) {
        roots.add(node);
      } else {
        childrenById.computeIfAbsent(parentId, key -> new ArrayList<>()).add(node);
      }
    }
  }

  /** Indexes the nodes; siblings and {@link #all()} follow {@code order}. */
  public static <T> Forest<T> of(
      Collection<T> nodes,
      Function<T, Long> idOf,
      Function<T, Long> parentIdOf,
      Function<T, String> slugOf,
      Comparator<T> order) {
    return new Forest<>(nodes, idOf, parentIdOf, slugOf, order);
  }

  public Optional<T> find(IdOrSlug key) {
    return key.id() != null ? byId(key.id()) : Optional.ofNullable(bySlug.get(key.slug()));
  }

  public Optional<T> byId(Long id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** Every node, in display order. */
  public List<T> all() {
    return ordered;
  }

  public List<T> roots() {
    return List.copyOf(roots);
  }

  public List<T> children(long id) {
    return List.copyOf(childrenById.getOrDefault(id, List.of()));
  }

  /** The path from the root down to the node's parent (empty for a root). */
  public List<T> ancestors(long id) {
    List<T> path = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    T node = byId.get(id);
    while (node != null && seen.add(idOf.apply(node))) {
      Long parentId = parentIdOf.apply(node);
      node = parentId == null ? null : byId.get(parentId);
      if (node != null) {
        path.add(0, node);
      }
    }
    return path;
  }

  /** The node's id and the ids of everything below it. */
  public Set<Long> selfAndDescendantIds(long id) {
    Set<Long> ids = new LinkedHashSet<>();
    Deque<Long> pending = new ArrayDeque<>();
    pending.add(id);
    while (!pending.isEmpty()) {
      Long current = pending.removeFirst();
      if (ids.add(current)) {
        for (T child : childrenById.getOrDefault(current, List.of())) {
          pending.add(idOf.apply(child));
        }
      }
    }
    return ids;
  }

  /** True when {@code candidate} is {@code ancestor} itself or lies below it. */
  public boolean isSelfOrDescendant(long candidate, long ancestor) {
    if (candidate == ancestor) {
      return true;
    }
    return ancestors(candidate).stream().anyMatch(node -> idOf.apply(node) == ancestor);
  }
}
