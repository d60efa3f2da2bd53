package com.investchn.content.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of categories; the public API reads them through {@link CategoryCatalog}. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {}
