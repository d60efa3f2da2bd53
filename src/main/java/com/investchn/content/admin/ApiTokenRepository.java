package com.investchn.content.admin;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** Persistence of API tokens. */
@ApplicationScoped
class ApiTokenRepository implements PanacheRepository<ApiToken> {

  public Optional<ApiToken> findByHash(String tokenHash) {
    return find("tokenHash", tokenHash).firstResultOptional();
  }

  /** Records a use without loading the entity; at most once a minute per token. */
  public void touch(long id, Instant now) {
    update(
        "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
        now,
        id,
        now.minusSeconds(60));
  }
}
