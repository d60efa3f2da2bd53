package com.investchn.content.zone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.common.tree.Forest;
import com.investchn.content.common.web.BodyValidation;
import com.investchn.content.common.web.ConflictException;
import com.investchn.content.common.web.FieldError;
import com.investchn.content.common.web.IdOrSlug;
import com.investchn.content.common.web.InvalidParameterException;
import com.investchn.content.common.web.JsonMergePatch;
import com.investchn.content.common.web.Preconditions;
import com.investchn.content.common.web.ResourceNotFoundException;
import com.investchn.content.common.web.ValidationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/** Write rules for zones: unique slugs, no cycles, no orphaned articles or children. */
@ApplicationScoped
public class ZoneEditor {

  static final String RESOURCE = "zone";

  private final ZoneRepository zones;
  private final ZoneCatalog catalog;
  private final TombstoneRepository tombstones;
  private final Validator validator;
  private final ObjectMapper json;

  public ZoneEditor(
      ZoneRepository zones,
      ZoneCatalog catalog,
      TombstoneRepository tombstones,
      Validator validator,
      ObjectMapper json) {
    this.zones = zones;
    this.catalog = catalog;
    this.tombstones = tombstones;
    this.validator = validator;
    this.json = json;
  }

  @Transactional
  public ZoneAdminView create(ZoneInput input, String actor) {
    validate(input, null);
    Zone zone = new Zone();
    apply(zone, input);
    zone.createdBy = actor;
    zone.updatedBy = actor;
    zones.persist(zone);
    zones.flush();
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
    validate(input, zone.id);
    apply(zone, input);
    zone.updatedBy = actor;
    zones.flush();
    catalog.invalidate();
    return ZoneAdminView.from(zone);
  }

  @Transactional
  public ZoneAdminView patch(long id, JsonNode patch, String ifMatch, String actor) {
    Zone zone = find(id);
    Preconditions.requireMatch(ifMatch, zone.version);
    ZoneInput merged =
        JsonMergePatch.apply(json, json.valueToTree(ZoneInput.from(zone)), patch, ZoneInput.class);
    return replace(id, merged, ifMatch, actor);
  }

  /**
   * Deletes a zone. While articles or child zones refer to it the answer is 409, unless the caller
   * names a zone to hand them to.
   */
  @Transactional
  public void delete(long id, String ifMatch, String reassignTo, String actor) {
    Zone zone = find(id);
    Preconditions.requireMatch(ifMatch, zone.version);
    long children = zones.count("parentId", zone.id);
    long articles = zones.countArticlesReferring(zone.id);
    if (children + articles > 0) {
      if (reassignTo == null) {
        throw new ConflictException(
            "Zone '"
                + zone.slug
                + "' still has "
                + children
                + " child zones and "
                + articles
                + " articles; move them first or pass reassignTo=<zone id or slug>.");
      }
      Forest<ZoneInfo> tree = catalog.tree();
      ZoneInfo target =
          tree.find(IdOrSlug.parse(reassignTo))
              .orElseThrow(
                  () ->
                      new InvalidParameterException(
                          "reassignTo", "names no zone: '" + reassignTo + "'."));
      if (tree.isSelfOrDescendant(target.id(), zone.id)) {
        throw new InvalidParameterException(
            "reassignTo", "must not be the deleted zone or one of its descendants.");
      }
      zones.update("parentId = ?1 where parentId = ?2", target.id(), zone.id);
      zones.reassignArticles(zone.id, target.id());
    }
    tombstones.record(RESOURCE, zone.id, zone.slug, actor);
    zones.delete(zone);
    zones.flush();
    catalog.invalidate();
  }

  private void validate(ZoneInput input, Long ownId) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    if (input.kind() != null && input.kind() != ZoneKind.DEVELOPMENT_ZONE) {
      if (input.level() != null) {
        errors.add(new FieldError("level", "is only for development zones"));
      }
      if (input.type() != null) {
        errors.add(new FieldError("type", "is only for development zones"));
      }
    }
    Forest<ZoneInfo> tree = catalog.tree();
    if (input.parentId() != null) {
      if (tree.byId(input.parentId()).isEmpty()) {
        errors.add(new FieldError("parentId", "names no zone: " + input.parentId()));
      } else if (ownId != null && tree.isSelfOrDescendant(input.parentId(), ownId)) {
        throw new ConflictException(
            "A zone cannot move under itself or one of its own descendants.");
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    zones
        .find("slug", input.slug())
        .firstResultOptional()
        .filter(other -> !other.id.equals(ownId))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "Another zone (" + other.id + ") already has the slug '" + input.slug() + "'.");
            });
  }

  private static void apply(Zone zone, ZoneInput input) {
    zone.slug = input.slug();
    zone.name = input.name().strip();
    zone.nameEn = input.nameEn();
    zone.kind = input.kind();
    zone.level = input.level();
    zone.type = input.type();
    zone.parentId = input.parentId();
  }

  private Zone find(long id) {
    return zones
        .findByIdOptional(id)
        .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, Long.toString(id)));
  }
}
