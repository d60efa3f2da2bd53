package com.investchn.content.common.web;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header, tags and the error responses every operation shares. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "InvestCHN Content API",
            version = "1.0.0",
            description =
                "Public, read-only JSON API of the InvestCHN investment-promotion news portal: "
                    + "zones (provinces, cities, districts, development zones), channels, "
                    + "articles with previous/next navigation and breadcrumbs, and the site "
                    + "record. Times are ISO-8601 with the Asia/Shanghai offset (+08:00). "
                    + "Lists are paged by page number or by an opaque cursor. Every error is "
                    + "RFC 9457 application/problem+json.",
            contact = @Contact(name = "InvestCHN", email = "info@investchn.com")),
    tags = {
      @Tag(name = "Site", description = "The portal's name, slogan and contact details."),
      @Tag(name = "Zones", description = "The tree of provinces, cities, districts and zones."),
      @Tag(name = "Categories", description = "The tree of channels."),
      @Tag(name = "Articles", description = "Published news, paged, filtered and navigable."),
      @Tag(name = "Admin: articles", description = "Editorial writes (role editor or admin)."),
      @Tag(name = "Admin: zones", description = "Zone tree writes (role admin)."),
      @Tag(name = "Admin: categories", description = "Channel tree writes (role admin)."),
      @Tag(name = "Admin: site", description = "The site record (role admin)."),
      @Tag(name = "Admin: tokens", description = "API tokens (role admin)."),
      @Tag(name = "Admin: import and export", description = "NDJSON bulk transfer (role admin)."),
      @Tag(name = "Admin: backup", description = "Online backups of the database (role admin).")
    },
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = "bearer",
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    description =
                        "An API token: 'Authorization: Bearer <token>'. Admins issue tokens"
                            + " with POST /api/v1/admin/tokens; a fresh installation starts"
                            + " with the token configured as content-api.admin.bootstrap-token."),
            responses = {
              @APIResponse(
                  name = ApiDefinition.UNAUTHORIZED,
                  responseCode = "401",
                  description = "No valid API token; see the WWW-Authenticate header.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = ApiDefinition.FORBIDDEN,
                  responseCode = "403",
                  description = "The token's role does not allow this operation.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class))),
              @APIResponse(
                  name = ApiDefinition.BAD_REQUEST,
                  responseCode = "400",
                  description = "A query parameter is invalid; the problem names it.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "invalid-size",
                                  value = OpenApiExamples.PROBLEM_INVALID_PARAMETER))),
              @APIResponse(
                  name = ApiDefinition.NOT_FOUND,
                  responseCode = "404",
                  description = "Nothing public answers to that id or slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unknown-slug",
                                  value = OpenApiExamples.PROBLEM_NOT_FOUND)))
            }))
public class ApiDefinition extends Application {

  /** Name of the shared 400 response, for {@code @APIResponse(ref = ...)}. */
  public static final String BAD_REQUEST = "BadRequest";

  /** Name of the shared 401 response of the editorial API. */
  public static final String UNAUTHORIZED = "Unauthorized";

  /** Name of the shared 403 response of the editorial API. */
  public static final String FORBIDDEN = "Forbidden";

  /** Name of the shared 404 response, for {@code @APIResponse(ref = ...)}. */
  public static final String NOT_FOUND = "NotFound";
}
