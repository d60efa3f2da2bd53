package com.investchn.content.site;

import com.investchn.content.common.write.BodyValidation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The site record as an admin writes it. */
@Schema(name = "SiteInput", description = "The site record as written through the editorial API.")
public record SiteInput(
    @NotBlank @Size(max = 200) @Schema(example = "投促中国") String name,
    @Size(max = 200) @Schema(nullable = true, example = "InvestCHN.com") String nameEn,
    @Size(max = 500) @Schema(nullable = true) String slogan,
    @Size(max = 2000)
        @Pattern(regexp = BodyValidation.HTTP_URL, message = "must be an http or https URL")
        @Schema(nullable = true)
        String baseUrl,
    @Size(max = 2000)
        @Pattern(regexp = BodyValidation.HTTP_URL, message = "must be an http or https URL")
        @Schema(nullable = true)
        String logoUrl,
    @Pattern(regexp = "^[a-z]{2,3}(-[A-Z]{2})?$", message = "must be a locale such as zh-CN")
        @Schema(nullable = true, description = "Default zh-CN.")
        String locale,
    @Size(max = 50) @Schema(nullable = true, description = "Default Asia/Shanghai.")
        String timezone,
    @Size(max = 50) @Schema(nullable = true, example = "+86-0512-53660867") String phone,
    @Size(max = 50) @Schema(nullable = true, example = "+86-0512-53660867") String fax,
    @Size(max = 200) @Email @Schema(nullable = true, example = "info@investchn.com") String email,
    @Size(max = 500) @Schema(nullable = true) String address,
    @Size(max = 500) @Schema(nullable = true) String copyright,
    @Size(max = 100) @Schema(nullable = true) String icpLicense) {

  static SiteInput from(Site site) {
    return new SiteInput(
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
        site.icpLicense);
  }
}
