package com.investchn.content.site;

import com.investchn.content.common.write.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site record in the editorial API: the public view plus who changed it and its version. */
@Schema(name = "SiteAdminView", description = "The site record in the editorial API.")
record SiteAdminView(
    @Schema(required = true) SiteResponse site,
    @Schema(required = true, nullable = true) String updatedBy,
    @Schema(required = true, description = "Also the ETag.") long version)
    implements Versioned {

  static SiteAdminView from(Site site) {
    return new SiteAdminView(SiteResponse.from(site), site.updatedBy, site.version);
  }
}
