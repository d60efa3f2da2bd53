package com.investchn.content.category;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A channel of the portal; channels form a tree with a display order among siblings. */
@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 100)
  public String slug;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "name_en", length = 200)
  public String nameEn;

  @Column(name = "parent_id")
  public Long parentId;

  @Column(nullable = false)
  public int position;

  /** A top-level channel whose lists are browsed per zone, like 开发区新闻. */
  @Column(name = "zone_scoped", nullable = false)
  public boolean zoneScoped;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "created_by", length = 100)
  public String createdBy;

  @Column(name = "updated_by", length = 100)
  public String updatedBy;

  @Version
  @Column(nullable = false)
  public long version;

  @PrePersist
  void beforeInsert() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    // An import keeps the times it brings; everything else is stamped now.
    createdAt = createdAt == null ? now : createdAt;
    updatedAt = updatedAt == null ? now : updatedAt;
  }

  @PreUpdate
  void beforeUpdate() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
