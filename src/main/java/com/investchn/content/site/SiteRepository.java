package com.investchn.content.site;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Persistence of the single site record. */
@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, Integer> {

  public Optional<Site> findSite() {
    return findByIdOptional(Site.SINGLETON_ID);
  }
}
