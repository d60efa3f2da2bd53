package com.investchn.content.category;

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
 * Write rules for categories: unique slugs, parents that exist, no cycles, no orphaned articles or
 * children. The tree rules themselves are {@link TreeRules}; the importer applies the same rules
 * through {@link #check} and {@link #apply}.
 */
@ApplicationScoped
public class CategoryEditor {

  static final String RESOURCE = "category";

  private final CategoryRepository categories;
  private final CategoryCatalog catalog;
  private final TombstoneRepository tombstones;
  private final ChangeLog changes;
  private final TreeRules tree;
  private final EntityManager entityManager;
  private final Validator validator;
  private final ObjectMapper json;

  public CategoryEditor(
      CategoryRepository categories,
      CategoryCatalog catalog,
      TombstoneRepository tombstones,
      ChangeLog changes,
      EntityManager entityManager,
      Validator validator,
      ObjectMapper json) {
    this.categories = categories;
    this.catalog = catalog;
    this.tombstones = tombstones;
    this.changes = changes;
    this.tree = new TreeRules(entityManager, Change.Entity.CATEGORY, "categories");
    this.entityManager = entityManager;
    this.validator = validator;
    this.json = json;
  }

  @Transactional
  public CategoryAdminView create(CategoryInput input, String actor) {
    check(input, null);
    Category category = new Category();
    apply(category, input);
    category.createdBy = actor;
    category.updatedBy = actor;
    categories.persist(category);
    categories.flush();
    changes.append(
        List.of(Change.changed(Change.Entity.CATEGORY, category.id, category.slug)),
        tree.everyNode(),
        actor);
    catalog.invalidate();
    return CategoryAdminView.from(category);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CategoryAdminView get(long id) {
    return CategoryAdminView.from(find(id));
  }

  @Transactional
  public CategoryAdminView replace(long id, CategoryInput input, String ifMatch, String actor) {
    Category category = find(id);
    Preconditions.requireMatch(ifMatch, category.version);
    return save(category, input, actor);
  }

  @Transactional
  public CategoryAdminView patch(long id, JsonNode patch, String ifMatch, String actor) {
    Category category = find(id);
    Preconditions.requireMatch(ifMatch, category.version);
    CategoryInput merged =
        JsonMergePatch.apply(
            json, json.valueToTree(CategoryInput.from(category)), patch, CategoryInput.class);
    return save(category, merged, actor);
  }

  /**
   * Deletes a category. While articles or child categories refer to it the answer is 409, unless
   * the caller names a category to hand them to.
   */
  @Transactional
  public void delete(long id, String ifMatch, String reassignTo, String actor) {
    Category category = find(id);
    Preconditions.requireMatch(ifMatch, category.version);
    List<Change> logged =
        tree.handOver(
            category.id,
            category.slug,
            categories.articlesReferring(category.id),
            reassignTo,
            heir -> categories.reassignArticles(category.id, heir, actor),
            actor);
    tombstones.record(RESOURCE, category.id, category.slug, null, actor);
    categories.delete(category);
    categories.flush();
    logged.add(0, Change.deleted(Change.Entity.CATEGORY, category.id, category.slug));
    changes.append(logged, tree.everyNode(), actor);
    catalog.invalidate();
  }

  /**
   * Checks an input against every rule of a category write; the parent and the slug are read in the
   * caller's transaction.
   *
   * @param current the category being changed, or null for a new one
   * @throws ValidationFailedException listing every invalid field
   * @throws ConflictException for a taken slug or a move that would make a cycle
   */
  public void check(CategoryInput input, Category current) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    if (Boolean.TRUE.equals(input.zoneScoped()) && input.parentId() != null) {
      errors.add(new FieldError("zoneScoped", "is only for top-level categories"));
    }
    Long ownId = current == null ? null : current.id;
    errors.addAll(
        tree.checkParent(ownId, current == null ? null : current.parentId, input.parentId()));
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    tree.requireFreeSlug(input.slug(), ownId);
  }

  /** Copies a checked input onto a category. */
  public void apply(Category category, CategoryInput input) {
    category.slug = input.slug();
    category.name = input.name().strip();
    category.nameEn = input.nameEn();
    category.parentId = input.parentId();
    category.position = input.position() == null ? 0 : input.position();
    category.zoneScoped = Boolean.TRUE.equals(input.zoneScoped());
  }

  private CategoryAdminView save(Category category, CategoryInput input, String actor) {
    check(input, category);
    boolean moved = !java.util.Objects.equals(category.parentId, input.parentId());
    String slug = category.slug;
    String name = category.name;
    boolean zoneScoped = category.zoneScoped;
    apply(category, input);
    category.updatedBy = actor;
    categories.flush();
    Change change = Change.changed(Change.Entity.CATEGORY, category.id, category.slug);
    List<Change> alsoChanged = tree.everyNode();
    if (moved
        || zoneScoped != category.zoneScoped
        || !java.util.Objects.equals(slug, category.slug)
        || !java.util.Objects.equals(name, category.name)) {
      // Articles below it show it in their category ref and breadcrumb.
      for (long node : subtree(category.id)) {
        for (NodeArticles.ReferringArticle article : categories.articlesReferring(node)) {
          alsoChanged.add(
              Change.article(article.id(), article.slug(), article.visible(), article.visible()));
        }
      }
    }
    changes.append(List.of(moved ? change.asMove() : change), alsoChanged, actor);
    catalog.invalidate();
    return CategoryAdminView.from(category);
  }

  /** The category and everything below it, as the tree is in this transaction. */
  private List<Long> subtree(long rootId) {
    java.util.Map<Long, List<Long>> children = new java.util.HashMap<>();
    for (Object[] row : parents()) {
      if (row[1] != null) {
        children
            .computeIfAbsent(((Number) row[1]).longValue(), key -> new ArrayList<>())
            .add(((Number) row[0]).longValue());
      }
    }
    List<Long> nodes = new ArrayList<>(List.of(rootId));
    // Bounded: the tree rules prevent cycles, and a write must not hang on one anyway.
    for (int i = 0; i < nodes.size() && nodes.size() < 100_000; i++) {
      for (long child : children.getOrDefault(nodes.get(i), List.of())) {
        if (!nodes.contains(child)) {
          nodes.add(child);
        }
      }
    }
    return nodes;
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> parents() {
    return entityManager
        .createNativeQuery("select id, parent_id, slug from category order by id")
        .getResultList();
  }

  private Category find(long id) {
    return categories
        .findByIdOptional(id)
        .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, Long.toString(id)));
  }
}
