package com.investchn.content.category;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.tree.Forest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/** Read rules for categories: the nested tree and one category in context. */
@ApplicationScoped
public class CategoryService {

  private final CategoryCatalog catalog;

  public CategoryService(CategoryCatalog catalog) {
    this.catalog = catalog;
  }

  public List<CategoryTreeNode> tree() {
    Forest<CategoryInfo> tree = catalog.tree();
    return tree.roots().stream().map(root -> node(tree, root, null)).toList();
  }

  public Optional<CategoryDetail> find(IdOrSlug idOrSlug) {
    Forest<CategoryInfo> tree = catalog.tree();
    return tree.find(idOrSlug)
        .map(
            category ->
                new CategoryDetail(
                    category.id(),
                    category.slug(),
                    category.name(),
                    category.nameEn(),
                    CategoryRef.from(tree.byId(category.parentId()).orElse(null)),
                    category.position(),
                    category.zoneScoped(),
                    tree.ancestors(category.id()).stream().map(CategoryRef::from).toList(),
                    tree.children(category.id()).stream()
                        .map(child -> CategoryResponse.from(child, category))
                        .toList()));
  }

  private static CategoryTreeNode node(
      Forest<CategoryInfo> tree, CategoryInfo category, CategoryInfo parent) {
    return new CategoryTreeNode(
        category.id(),
        category.slug(),
        category.name(),
        category.nameEn(),
        category.position(),
        category.zoneScoped(),
        CategoryRef.from(parent),
        tree.children(category.id()).stream().map(child -> node(tree, child, category)).toList());
  }
}
