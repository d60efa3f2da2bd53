package com.investchn.content.common.tree;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.problem.ConflictException;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.InvalidParameterException;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The rules every tree of the content (zones, categories) follows on write: parents that exist, no
 * cycles, unique slugs, and deletes that hand children over. Everything is read from the database
 * in the writer's transaction, never from an in-memory copy, so an import sees the nodes it created
 * itself and two concurrent moves see each other. Moves are serialised on the tree's row in {@code
 * tree_lock}.
 */
public final class TreeRules {

  /** Deeper than any real tree; a walk that goes further has found a cycle. */
  private static final int MAX_DEPTH = 64;

  private final EntityManager entityManager;
  private final Change.Entity entity;
  private final String table;
  private final String noun;
  private final String plural;

  /**
   * @param entity the kind of node, which names its table ({@code zone} or {@code category}, with
   *     id, slug, parent_id, version, updated_at and updated_by columns) and what a node is called
   *     in messages
   * @param plural what several nodes are called in messages
   */
  public TreeRules(EntityManager entityManager, Change.Entity entity, String plural) {
    this.entityManager = entityManager;
    this.entity = entity;
    this.table = entity.wireName();
    this.noun = entity.wireName();
    this.plural = plural;
  }

  /**
   * Empties a node that is about to be deleted: while child nodes or articles refer to it that is a
   * 409, unless the caller names an heir ({@link #heir}), which then gets the children and, through
   * {@code reassignArticles}, the articles.
   *
   * @param referring the articles filed under the node
   * @param reassignArticles hands the articles to the heir it is given
   * @return the changes the hand-over made, for the change log
   * @throws ConflictException when something still refers to the node and no heir is named
   */
  public List<Change> handOver(
      long id,
      String slug,
      List<NodeArticles.ReferringArticle> referring,
      String reassignTo,
      LongConsumer reassignArticles,
      String actor) {
    long children = children(id).size();
    List<Change> changed = new ArrayList<>();
    if (children + referring.size() == 0) {
      return changed;
    }
    if (reassignTo == null) {
      String name = Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
      throw new ConflictException(
          name
              + " '"
              + slug
              + "' still has "
              + children
              + " child "
              + plural
              + " and "
              + referring.size()
              + " articles; move them first or pass reassignTo=<"
              + noun
              + " id or slug>.");
    }
    long heir = heir(id, reassignTo);
    for (long moved : moveChildren(id, heir, actor)) {
      changed.add(Change.changed(entity, moved, null).asMove());
    }
    reassignArticles.accept(heir);
    for (NodeArticles.ReferringArticle article : referring) {
      changed.add(
          Change.article(article.id(), article.slug(), article.visible(), article.visible()));
    }
    return changed;
  }

  /**
   * Every node, as changed: a node's answer shows its parent, ancestors and children, so one node's
   * new name, place or existence can change the answer of any other. Trees are small.
   */
  public List<Change> everyNode() {
    List<Change> all = new ArrayList<>();
    for (Object row :
        entityManager
            .createNativeQuery("select id, slug from " + table + " order by id")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      all.add(Change.changed(entity, ((Number) columns[0]).longValue(), (String) columns[1]));
    }
    return all;
  }

  /**
   * Checks the parent a node is given. A parent that does not exist is a field error on {@code
   * parentId}; a move under the node itself or one of its descendants is a conflict. A move takes
   * the tree lock first and then reads the committed tree, so of two opposite moves racing each
   * other the second sees the first.
   *
   * @param ownId the node being written, or null for a new node (which cannot close a cycle)
   * @param currentParentId its parent before the write
   * @param newParentId its parent after the write
   * @return the field errors (empty when the parent is fine)
   * @throws ConflictException when the move would make a cycle
   */
  public List<FieldError> checkParent(Long ownId, Long currentParentId, Long newParentId) {
    if (newParentId == null) {
      return List.of();
    }
    boolean moves = ownId != null && !newParentId.equals(currentParentId);
    if (moves) {
      lock();
    }
    if (!exists(newParentId)) {
      return List.of(new FieldError("parentId", "names no " + noun + ": " + newParentId));
    }
    if (moves && isSelfOrBelow(newParentId, ownId)) {
      throw new ConflictException(
          "A " + noun + " cannot move under itself or one of its own descendants.");
    }
    return List.of();
  }

  /**
   * No other node may hold the slug.
   *
   * @throws ConflictException naming the node that has it
   */
  public void requireFreeSlug(String slug, Long ownId) {
    List<?> holders =
        entityManager
            .createNativeQuery("select id from " + table + " where slug = ?1")
            .setParameter(1, slug)
            .getResultList();
    for (Object holder : holders) {
      long id = ((Number) holder).longValue();
      if (ownId == null || id != ownId) {
        throw new ConflictException(
            "Another " + noun + " (" + id + ") already has the slug '" + slug + "'.");
      }
    }
  }

  /** The ids of the node's direct children. */
  public List<Long> children(long id) {
    return entityManager
        .createNativeQuery("select id from " + table + " where parent_id = ?1 order by id")
        .setParameter(1, id)
        .getResultList()
        .stream()
        .map(value -> ((Number) value).longValue())
        .toList();
  }

  /**
   * The node that takes over the children and articles of a deleted node: it must exist and lie
   * outside the deleted node's subtree. Takes the tree lock, since it moves nodes.
   *
   * @throws InvalidParameterException naming {@code reassignTo} otherwise
   */
  public long heir(long deletedId, String reassignTo) {
    lock();
    IdOrSlug key = IdOrSlug.parse(reassignTo);
    Optional<Long> heir =
        key.id() != null
            ? Optional.of(key.id()).filter(this::exists)
            : entityManager
                .createNativeQuery("select id from " + table + " where slug = ?1")
                .setParameter(1, key.slug())
                .getResultList()
                .stream()
                .map(value -> ((Number) value).longValue())
                .findFirst();
    long id =
        heir.orElseThrow(
            () ->
                new InvalidParameterException(
                    "reassignTo", "names no " + noun + ": '" + reassignTo + "'."));
    if (isSelfOrBelow(id, deletedId)) {
      throw new InvalidParameterException(
          "reassignTo", "must not be the deleted " + noun + " or one of its descendants.");
    }
    return id;
  }

  /**
   * Moves every child of one node under another. Each moved node gets a new version, so an If-Match
   * with the version read before the move fails as it should.
   *
   * @return the ids of the moved nodes
   */
  public List<Long> moveChildren(long fromId, long toId, String actor) {
    List<Long> moved = children(fromId);
    if (!moved.isEmpty()) {
      entityManager
          .createNativeQuery(
              "update "
                  + table
                  + " set parent_id = ?1, version = version + 1, updated_at = ?2,"
                  + " updated_by = ?3 where parent_id = ?4")
          .setParameter(1, toId)
          .setParameter(2, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
          .setParameter(3, actor)
          .setParameter(4, fromId)
          .executeUpdate();
    }
    return moved;
  }

  /** Serialises every move of this tree with the writer's transaction. */
  private void lock() {
    entityManager
        .createNativeQuery("update tree_lock set version = version + 1 where tree = ?1")
        .setParameter(1, table)
        .executeUpdate();
  }

  private boolean exists(long id) {
    return !entityManager
        .createNativeQuery("select id from " + table + " where id = ?1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty();
  }

  /** Walks up from {@code candidate} in the committed tree; true when it meets {@code ancestor}. */
  private boolean isSelfOrBelow(long candidate, long ancestor) {
    Long current = candidate;
    for (int depth = 0; current != null; depth++) {
      if (current == ancestor || depth > MAX_DEPTH) {
        return true;
      }
      List<?> parent =
          entityManager
              .createNativeQuery("select parent_id from " + table + " where id = ?1")
              .setParameter(1, current)
              .getResultList();
      current =
          parent.isEmpty() || parent.get(0) == null ? null : ((Number) parent.get(0)).longValue();
    }
    return false;
  }
}
