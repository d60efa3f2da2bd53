package com.investchn.content.site;

import com.investchn.content.common.time.PortalTime;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site record as clients see it. */
@Schema(name = "Site", description = "The portal's identity and contact details.")
public record SiteResponse(
    @Schema(required = true, example = "投促中国") String name,
    @Schema(required = true, nullable = true, example = "InvestCHN.com") String nameEn,
    @Schema(required = true, nullable = true, example = "打造网上国际投资促进平台 致力于中国投资促进事业") String slogan,
    @Schema(required = true, nullable = true, example = "https://www.investchn.com") String baseUrl,
    @Schema(
            required = true,
            nullable = true,
            example = "https://static.investchn.com/images/logo.png")
        String logoUrl,
    @Schema(required = true, example = "zh-CN") String locale,
    @Schema(required = true, example = "Asia/Shanghai") String timezone,
    @Schema(required = true, nullable = true, example = "+86-0512-53660867") String phone,
    @Schema(required = true, nullable = true, example = "+86-0512-53660867") String fax,
    @Schema(required = true, nullable = true, example = "info@investchn.com") String email,
    @Schema(required = true, nullable = true) String address,
    @Schema(
            required = true,
            nullable = true,
            example = "Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国")
        String copyright,
    @Schema(required = true, nullable = true) String icpLicense,
    @Schema(required = true, example = "2024-06-21T09:30:00.000000+08:00")
        OffsetDateTime updatedAt) {

  public static SiteResponse from(Site site) {
    return new SiteResponse(
        site.name,
        site.nameEn,
        site.slogan,
        site.baseUrl,
        site.logoUrl,
        site.locale,
        site.timezone,
        site.phone,
        site.fax,
        site.email,
        site.address,
        site.copyright,
        site.icpLicense,
        PortalTime.toPortal(site.updatedAt));
  }
}
