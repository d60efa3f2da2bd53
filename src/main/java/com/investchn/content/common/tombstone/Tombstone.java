package com.investchn.content.common.tombstone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The trace a deleted resource leaves, so that partners who synchronise can delete it too. */
@Entity
@Table(name = "tombstone")
public class Tombstone extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** article, zone or category. */
  @Column(name = "resource_type", nullable = false, length = 20)
  public String resourceType;

  @Column(name = "resource_id", nullable = false)
  public Long resourceId;

  @Column(length = 200)
  public String slug;

  /** The external id a deleted article had, so a re-import can recognise it. */
  @Column(name = "external_id", length = 200)
  public String externalId;

  @Column(name = "deleted_at", nullable = false)
  public Instant deletedAt;

  @Column(name = "deleted_by", length = 100)
  public String deletedBy;
}
