package com.investchn.content.zone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of zones; the public API reads them through {@link ZoneCatalog}. */
@ApplicationScoped
public class ZoneRepository implements PanacheRepository<Zone> {}
