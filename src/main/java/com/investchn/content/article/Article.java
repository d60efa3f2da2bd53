package com.investchn.content.article;

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

/**
 * A news article. Zones and categories are referenced by id: both trees are held in memory by their
 * catalogs, so no article query needs to join them.
 */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(length = 200)
  public String slug;

  @Column(nullable = false, length = 200)
  public String title;

  @Column(nullable = false, length = 500)
  public String summary;

  /** Sanitized HTML; a text column, not a large object, on every database. */
  @Column(nullable = false, columnDefinition = "text")
  public String body;

  @Column(name = "published_at", nullable = false)
  public Instant publishedAt;

  @Column(length = 200)
  public String source;

  @Column(name = "source_url", length = 2000)
  public String sourceUrl;

  @Column(length = 100)
  public String author;

  @Column(name = "cover_image_url", length = 2000)
  public String coverImageUrl;

  @Column(name = "category_id", nullable = false)
  public Long categoryId;

  /** The zone the article is filed under, e.g. 大兴区. */
  @Column(name = "zone_id", nullable = false)
  public Long zoneId;

  /** The development zone that published it, e.g. 北京经济技术开发区; optional. */
  @Column(name = "publisher_zone_id")
  public Long publisherZoneId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  public ArticleStatus status;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  /** The id the article has in the system it was imported from; unique when given. */
  @Column(name = "external_id", length = 200)
  public String externalId;

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
    createdAt = createdAt == null ? now : createdAt;
    updatedAt = updatedAt == null ? now : updatedAt;
  }

  @PreUpdate
  void beforeUpdate() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
