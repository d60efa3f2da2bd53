package com.investchn.content.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the site record. */
@ApplicationScoped
public class SiteService {

  private final SiteRepository repository;

  public SiteService(SiteRepository repository) {
    this.repository = repository;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<SiteResponse> site() {
    return repository.findSite().map(SiteResponse::from);
  }
}
