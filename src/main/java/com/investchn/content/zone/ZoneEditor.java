package com.investchn.content.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.problem.ConflictException;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.common.tree.NodeArticles;
import com.investchn.content.common.tree.TreeRules;
import com.investchn.content.common.write.BodyValidation;
import com.investchn.content.common.write.JsonMergePatch;
import com.investchn.content.common.write.Preconditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/**
 * Write rules for zones: unique slugs, parents that exist, no cycles, no orphaned articles or
 * children. The tree rules themselves are {@link TreeRules}; the importer applies the same rules
 * through {@link #check} and {@link #apply}.
 */
@ApplicationScoped
public class ZoneEditor {

  static final String RESOURCE = "zone";

  private final ZoneRepository zones;
  private final ZoneCatalog catalog;
  private final TombstoneRepository tombstones;
  private final ChangeLog changes;
  private final TreeRules tree;
  private final EntityManager entityManager;
  private final Validator validator;
  private final ObjectMapper json;

  public ZoneEditor(
      ZoneRepository zones,
      ZoneCatalog catalog,
      TombstoneRepository tombstones,
      ChangeLog changes,
      EntityManager entityManager,
      Validator validator,
      ObjectMapper json) {
    this.zones = zones;
    this.catalog = catalog;
    this.tombstones = tombstones;
    this.changes = changes;
    this.tree = new TreeRules(entityManager, Change.Entity.ZONE, "zones");
    this.entityManager = entityManager;
    this.validator = validator;
    this.json = json;
  }

  @Transactional
  public ZoneAdminView create(ZoneInput input, String actor) {
    check(input, null);
    Zone zone = new Zone();
    apply(zone, input);
    zone.createdBy = actor;
    zone.updatedBy = actor;
    zones.persist(zone);
    zones.flush();
    changes.append(
        List.of(Change.changed(Change.Entity.ZONE, zone.id, zone.slug)), tree.everyNode(), actor);
    catalog.invalidate();
    return ZoneAdminView.from(zone);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ZoneAdminView get(long id) {
    return ZoneAdminView.from(find(id));
  }

  @Transactional
  public ZoneAdminView replace(long id, ZoneInput input, String ifMatch, String actor) {
    Zone zone = find(id);
    Preconditions.requireMatch(ifMatch, zone.version);
    return save(zone, input, actor);
  }

  @Transactional
  public ZoneAdminView patch(long id, JsonNode patch, String ifMatch, String actor) {
    Zone zone = find(id);
    Preconditions.requireMatch(ifMatch, zone.version);
    ZoneInput merged =
        JsonMergePatch.apply(json, json.valueToTree(ZoneInput.from(zone)), patch, ZoneInput.class);
    return save(zone, merged, actor);
  }

  /**
   * Deletes a zone. While articles or child zones refer to it the answer is 409, unless the caller
   * names a zone to hand them to.
   */
  @Transactional
  public void delete(long id, String ifMatch, String reassignTo, String actor) {
    Zone zone = find(id);
    Preconditions.requireMatch(ifMatch, zone.version);
    List<Change> logged =
        tree.handOver(
            zone.id,
            zone.slug,
            zones.articlesReferring(zone.id),
            reassignTo,
            heir -> zones.reassignArticles(zone.id, heir, actor),
            actor);
    tombstones.record(RESOURCE, zone.id, zone.slug, null, actor);
    zones.delete(zone);
    zones.flush();
    logged.add(0, Change.deleted(Change.Entity.ZONE, zone.id, zone.slug));
    changes.append(logged, tree.everyNode(), actor);
    catalog.invalidate();
  }

  /**
   * Checks an input against every rule of a zone write; the parent and the slug are read in the
   * caller's transaction.
   *
   * @param current the zone being changed, or null for a new one
   * @throws ValidationFailedException listing every invalid field
   * @throws ConflictException for a taken slug or a move that would make a cycle
   */
  public void check(ZoneInput input, Zone current) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    if (input.kind() != null && input.kind() != ZoneKind.DEVELOPMENT_ZONE) {
      if (input.level() != null) {
        errors.add(new FieldError("level", "is only for development zones"));
      }
      if (input.type() != null) {
        errors.add(new FieldError("type", "is only for development zones"));
      }
    }
    Long ownId = current == null ? null : current.id;
    errors.addAll(
        tree.checkParent(ownId, current == null ? null : current.parentId, input.parentId()));
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    tree.requireFreeSlug(input.slug(), ownId);
  }

  /** Copies a checked input onto a zone. */
  public void apply(Zone zone, ZoneInput input) {
    zone.slug = input.slug();
    zone.name = input.name().strip();
    zone.nameEn = input.nameEn();
    zone.kind = input.kind();
    zone.level = input.level();
    zone.type = input.type();
    zone.parentId = input.parentId();
  }

  private ZoneAdminView save(Zone zone, ZoneInput input, String actor) {
    check(input, zone);
    boolean moved = !java.util.Objects.equals(zone.parentId, input.parentId());
    String slug = zone.slug;
    String name = zone.name;
    apply(zone, input);
    zone.updatedBy = actor;
    zones.flush();
    Change change = Change.changed(Change.Entity.ZONE, zone.id, zone.slug);
    List<Change> alsoChanged = tree.everyNode();
    if (!java.util.Objects.equals(slug, zone.slug) || !java.util.Objects.equals(name, zone.name)) {
      // Articles name their zone and publisher zone by slug and name.
      for (NodeArticles.ReferringArticle article : zones.articlesReferring(zone.id)) {
        alsoChanged.add(
            Change.article(article.id(), article.slug(), article.visible(), article.visible()));
      }
    }
    changes.append(List.of(moved ? change.asMove() : change), alsoChanged, actor);
    catalog.invalidate();
    return ZoneAdminView.from(zone);
  }

  private Zone find(long id) {
    return zones
        .findByIdOptional(id)
        .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, Long.toString(id)));
  }
}
