package com.investchn.content.zone;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A node of the place tree: province, city, district or development zone. */
@Entity
@Table(name = "zone")
public class Zone extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(nullable = false, length = 100)
  public String slug;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "name_en", length = 200)
  public String nameEn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public ZoneKind kind;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  public ZoneLevel level;

  @Enumerated(EnumType.STRING)
  @Column(name = "zone_type", length = 40)
  public ZoneType type;

  @Column(name = "parent_id")
  public Long parentId;

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
