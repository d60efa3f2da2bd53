package com.investchn.content.site;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one site record: name, slogan and contact details shown in the header and footer. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

  /** The only row's id; the table holds exactly one site. */
  public static final int SINGLETON_ID = 1;

  @Id public Integer id = SINGLETON_ID;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "name_en", length = 200)
  public String nameEn;

  @Column(length = 500)
  public String slogan;

  @Column(name = "base_url", length = 2000)
  public String baseUrl;

  @Column(name = "logo_url", length = 2000)
  public String logoUrl;

  @Column(nullable = false, length = 20)
  public String locale;

  @Column(nullable = false, length = 50)
  public String timezone;

  @Column(length = 50)
  public String phone;

  @Column(length = 50)
  public String fax;

  @Column(length = 200)
  public String email;

  @Column(length = 500)
  public String address;

  @Column(length = 500)
  public String copyright;

  @Column(name = "icp_license", length = 100)
  public String icpLicense;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "updated_by", length = 100)
  public String updatedBy;

  @Version
  @Column(nullable = false)
  public long version;

  @PrePersist
  void beforeInsert() {
    // An import keeps the time it brings.
    updatedAt = updatedAt == null ? Instant.now().truncatedTo(ChronoUnit.MICROS) : updatedAt;
  }

  @PreUpdate
  void beforeUpdate() {
    updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
