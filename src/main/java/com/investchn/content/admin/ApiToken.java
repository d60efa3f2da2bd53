package com.investchn.content.admin;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API token of the editorial API; the secret itself is never stored, only its hash. */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 100)
  public String name;

  /** editor or admin. */
  @Column(nullable = false, length = 20)
  public String role;

  /** SHA-256 of the secret, hex; tokens are long random strings, so no slow hash is needed. */
  @Column(name = "token_hash", nullable = false, length = 64)
  public String tokenHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by", length = 100)
  public String createdBy;

  @Column(name = "last_used_at")
  public Instant lastUsedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  @Column(name = "revoked_at")
  public Instant revokedAt;

  boolean isUsableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
