package com.investchn.content.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.write.BodyValidation;
import com.investchn.content.common.write.JsonMergePatch;
import com.investchn.content.common.write.Preconditions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Write rules for the one site record; the importer applies the same rules through {@link #check}
 * and {@link #apply}.
 */
@ApplicationScoped
public class SiteEditor {

  private final SiteRepository sites;
  private final ChangeLog changes;
  private final Validator validator;
  private final ObjectMapper json;

  public SiteEditor(
      SiteRepository sites, ChangeLog changes, Validator validator, ObjectMapper json) {
    this.sites = sites;
    this.changes = changes;
    this.validator = validator;
    this.json = json;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SiteAdminView get() {
    return SiteAdminView.from(find());
  }

  /** Replaces the record; a fresh installation without one gets it created (no If-Match). */
  @Transactional
  public SiteAdminView replace(SiteInput input, String ifMatch, String actor) {
    check(input);
    Site site = sites.findSite().orElse(null);
    if (site == null) {
      site = new Site();
      apply(site, input);
      site.updatedBy = actor;
      sites.persist(site);
    } else {
      Preconditions.requireMatch(ifMatch, site.version);
      apply(site, input);
      site.updatedBy = actor;
    }
    sites.flush();
    changes.append(Change.changed(Change.Entity.SITE, site.id, null), actor);
    return SiteAdminView.from(site);
  }

  @Transactional
  public SiteAdminView patch(JsonNode patch, String ifMatch, String actor) {
    Site site = find();
    Preconditions.requireMatch(ifMatch, site.version);
    SiteInput merged =
        JsonMergePatch.apply(json, json.valueToTree(SiteInput.from(site)), patch, SiteInput.class);
    return replace(merged, ifMatch, actor);
  }

  /**
   * Checks an input against every rule of a site write.
   *
   * @throws ValidationFailedException listing every invalid field
   */
  public void check(SiteInput input) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    if (input.timezone() != null) {
      try {
        ZoneId.of(input.timezone());
      } catch (DateTimeException e) {
        errors.add(new FieldError("timezone", "must be a time zone id such as Asia/Shanghai"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
  }

  /** Copies a checked input onto the site record, with the defaults for what it leaves out. */
  public void apply(Site site, SiteInput input) {
    site.name = input.name().strip();
    site.nameEn = input.nameEn();
    site.slogan = input.slogan();
    site.baseUrl = input.baseUrl();
    site.logoUrl = input.logoUrl();
    site.locale = input.locale() == null ? "zh-CN" : input.locale();
    site.timezone = input.timezone() == null ? PortalTime.ZONE.getId() : input.timezone();
    site.phone = input.phone();
    site.fax = input.fax();
    site.email = input.email();
    site.address = input.address();
    site.copyright = input.copyright();
    site.icpLicense = input.icpLicense();
  }

  private Site find() {
    return sites.findSite().orElseThrow(() -> new ResourceNotFoundException("site record", "1"));
  }
}
