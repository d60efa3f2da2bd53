package com.investchn.content.common.openapi;

import com.investchn.content.common.paging.PagedResponses;
import com.investchn.content.common.problem.Problem;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header, tags and the responses and headers operations share. */
@OpenAPIDefinition(
    info =
        @Info(
            title = "InvestCHN Content API",
            version = "1.0.0",
            description =
                """
                The content API of the InvestCHN investment-promotion news portal, in two parts.

                **Public reads** (no token): the site record, the zone tree (provinces, cities, \
                districts, development zones), the channel tree, and published articles with \
                filters, paging by page number or cursor, breadcrumbs and previous/next \
                navigation; RSS, Atom and JSON Feed of the articles, and sitemaps.

                **Editorial API** under `/api/v1/admin` (a bearer token, role `editor` or \
                `admin`): create, change, publish and delete articles; edit zones, channels and \
                the site record; issue and revoke tokens; import and export the whole content \
                as NDJSON. Every change needs `If-Match` with the resource's `ETag`.

                Every time in a JSON answer has one form: ISO-8601 with six fractional digits \
                and the Asia/Shanghai offset, e.g. `2024-06-21T09:30:00.000000+08:00`; requests \
                may send any ISO-8601 form. Feeds and sitemaps write times as their formats \
                want them, in +08:00 to the second. Zones are ordered by the pinyin of their Chinese names, channels by position. Every error is RFC \
                9457 `application/problem+json`.""",
            contact =
                @Contact(
                    name = "InvestCHN",
                    email = "info@investchn.com",
                    url = "https://www.investchn.com"),
            license =
                @License(
                    name = "Proprietary: content © InvestCHN.com, all rights reserved",
                    url = "https://www.investchn.com")),
    servers = @Server(url = "/", description = "The service that serves this document"),
    tags = {
      @Tag(name = "Site", description = "The portal's name, slogan and contact details."),
      @Tag(
          name = "Zones",
          description =
              "The tree of provinces, cities, districts and development zones; siblings by"
                  + " the pinyin of their names."),
      @Tag(name = "Categories", description = "The tree of channels, siblings by position."),
      @Tag(name = "Articles", description = "Published news, paged, filtered and navigable."),
      @Tag(
          name = "Feeds",
          description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest articles, filtered."),
      @Tag(name = "Sitemaps", description = "sitemaps.org sitemaps of the articles, by month."),
      @Tag(name = "Admin: articles", description = "Editorial writes (role editor or admin)."),
      @Tag(name = "Admin: zones", description = "Zone tree writes (role admin)."),
      @Tag(name = "Admin: categories", description = "Channel tree writes (role admin)."),
      @Tag(name = "Admin: site", description = "The site record (role admin)."),
      @Tag(name = "Admin: tokens", description = "API tokens (role admin)."),
      @Tag(name = "Admin: import and export", description = "NDJSON bulk transfer (role admin)."),
      @Tag(name = "Admin: backup", description = "Online backups of the database (role admin)."),
      @Tag(
          name = "Webhooks",
          description =
              "Signed Standard Webhooks deliveries of content changes to partner endpoints (role"
                  + " admin).")
    },
    components =
        @Components(
            securitySchemes =
                @SecurityScheme(
                    securitySchemeName = ApiDefinition.BEARER,
                    type = SecuritySchemeType.HTTP,
                    scheme = "bearer",
                    bearerFormat = "opaque API token",
                    description = OpenApiExamples.BEARER_DESCRIPTION),
            headers = {
              @Header(
                  name = ApiDefinition.ETAG,
                  description =
                      "The resource's version; send it back in If-Match to change the resource.",
                  required = true,
                  schema = @Schema(type = SchemaType.STRING, example = "\"4\"")),
              @Header(
                  name = ApiDefinition.LOCATION,
                  description = "Path of the resource just created.",
                  required = true,
                  schema =
                      @Schema(type = SchemaType.STRING, example = "/api/v1/admin/articles/318")),
              @Header(
                  name = ApiDefinition.TOTAL_COUNT,
                  description = "Number of items in the whole list.",
                  required = true,
                  schema = @Schema(type = SchemaType.INTEGER, example = "342")),
              @Header(
                  name = ApiDefinition.LINK,
                  description =
                      "RFC 8288 first, prev, next and last links that keep every other query"
                          + " parameter; next uses the cursor when the request did.",
                  required = true,
                  schema =
                      @Schema(
                          type = SchemaType.STRING,
                          example =
                              "<https://api.investchn.com/api/v1/articles?page=1>; rel=\"first\","
                                  + " <https://api.investchn.com/api/v1/articles?page=2>;"
                                  + " rel=\"next\"")),
              @Header(
                  name = ApiDefinition.ARTICLE_LIST_LINK,
                  description =
                      "RFC 8288 first, prev, next and last links that keep every other query"
                          + " parameter (next uses the cursor when the request did), then one"
                          + " rel=\"alternate\" link per feed format (RSS, Atom, JSON Feed) with"
                          + " the list's filters. Absent from an ids lookup, which is one page.",
                  required = false,
                  schema =
                      @Schema(
                          type = SchemaType.STRING,
                          example =
                              "<https://api.investchn.com/api/v1/articles?zone=daxing&page=1>;"
                                  + " rel=\"first\","
                                  + " <https://api.investchn.com/api/v1/feeds/articles.rss?zone=daxing>;"
                                  + " rel=\"alternate\"; type=\"application/rss+xml\"")),
              @Header(
                  name = ApiDefinition.FEED_LINKS,
                  description =
                      "RFC 8288 rel=\"alternate\" links to the feeds (RSS, Atom, JSON Feed) of"
                          + " the articles this resource files: its category's for an article.",
                  required = true,
                  schema =
                      @Schema(
                          type = SchemaType.STRING,
                          example =
                              "<https://api.investchn.com/api/v1/feeds/articles.rss?category=text-news>;"
                                  + " rel=\"alternate\"; type=\"application/rss+xml\"")),
              @Header(
                  name = ApiDefinition.WWW_AUTHENTICATE,
                  description = "The scheme to authenticate with.",
                  required = true,
                  schema =
                      @Schema(type = SchemaType.STRING, example = "Bearer realm=\"content-api\"")),
              @Header(
                  name = ApiDefinition.RETRY_AFTER,
                  description = "Seconds after which a retry is worthwhile.",
                  required = true,
                  schema = @Schema(type = SchemaType.INTEGER, example = "5")),
              @Header(
                  name = ApiDefinition.RATE_LIMIT_POLICY,
                  description =
                      "The rate limits that apply to this request (draft-ietf-httpapi-ratelimit-"
                          + "headers): per policy q requests at once, refilled completely in w"
                          + " seconds. Sent with every answer under /api/v1.",
                  required = true,
                  schema = @Schema(type = SchemaType.STRING, example = "\"public\";q=1000;w=2")),
              @Header(
                  name = ApiDefinition.RATE_LIMIT,
                  description =
                      "What is left of each policy for this client: r requests, full again in t"
                          + " seconds. Sent with every answer under /api/v1.",
                  required = true,
                  schema = @Schema(type = SchemaType.STRING, example = "\"public\";r=0;t=4"))
            },
            responses = {
              @APIResponse(
                  name = ApiDefinition.BAD_REQUEST,
                  responseCode = "400",
                  description =
                      "A query parameter is invalid, or unknown to this operation; the problem"
                          + " names it.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples = {
                            @ExampleObject(
                                name = "invalid-size",
                                value = OpenApiExamples.PROBLEM_INVALID_PARAMETER),
                            @ExampleObject(
                                name = "unknown-parameter",
                                value = OpenApiExamples.PROBLEM_UNKNOWN_PARAMETER)
                          })),
              @APIResponse(
                  name = ApiDefinition.INVALID_BODY,
                  responseCode = "400",
                  description =
                      "The body is not valid JSON or has invalid fields (errors lists every"
                          + " invalid field), or a query parameter is invalid or unknown to this"
                          + " operation (parameter names it).",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "validation-failed",
                                  value = OpenApiExamples.PROBLEM_VALIDATION_FAILED))),
              @APIResponse(
                  name = ApiDefinition.UNAUTHORIZED,
                  responseCode = "401",
                  description = "No valid API token was sent.",
                  headers =
                      @Header(
                          name = ApiDefinition.WWW_AUTHENTICATE,
                          ref = ApiDefinition.WWW_AUTHENTICATE),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unauthorized",
                                  value = OpenApiExamples.PROBLEM_UNAUTHORIZED))),
              @APIResponse(
                  name = ApiDefinition.FORBIDDEN,
                  responseCode = "403",
                  description = "The token's role does not allow this operation.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "forbidden",
                                  value = OpenApiExamples.PROBLEM_FORBIDDEN))),
              @APIResponse(
                  name = ApiDefinition.NOT_FOUND,
                  responseCode = "404",
                  description = "Nothing answers to that id or slug.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unknown-slug",
                                  value = OpenApiExamples.PROBLEM_NOT_FOUND))),
              @APIResponse(
                  name = ApiDefinition.CONFLICT,
                  responseCode = "409",
                  description =
                      "The change conflicts with stored data: a duplicate slug or externalId, a"
                          + " move under its own descendant, or a delete while others refer to it.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "duplicate-slug",
                                  value = OpenApiExamples.PROBLEM_CONFLICT))),
              @APIResponse(
                  name = ApiDefinition.PRECONDITION_FAILED,
                  responseCode = "412",
                  description =
                      "If-Match names an older version: the resource changed since it was read.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "stale-etag",
                                  value = OpenApiExamples.PROBLEM_PRECONDITION_FAILED))),
              @APIResponse(
                  name = ApiDefinition.PAYLOAD_TOO_LARGE,
                  responseCode = "413",
                  description = "The JSON body is larger than 2 MiB.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "too-large",
                                  value = OpenApiExamples.PROBLEM_PAYLOAD_TOO_LARGE))),
              @APIResponse(
                  name = ApiDefinition.UNSUPPORTED_MEDIA_TYPE,
                  responseCode = "415",
                  description = "The body's Content-Type is not one this operation accepts.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "unsupported-media-type",
                                  value = OpenApiExamples.PROBLEM_UNSUPPORTED_MEDIA_TYPE))),
              @APIResponse(
                  name = ApiDefinition.PRECONDITION_REQUIRED,
                  responseCode = "428",
                  description = "If-Match is missing; send the ETag you last read.",
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "if-match-missing",
                                  value = OpenApiExamples.PROBLEM_PRECONDITION_REQUIRED))),
              @APIResponse(
                  name = ApiDefinition.TOO_MANY_REQUESTS,
                  responseCode = "429",
                  description =
                      "Too many requests from this client address for one of the policies in"
                          + " RateLimit-Policy (public reads, admin writes, failed"
                          + " authentications); retry after Retry-After seconds.",
                  headers = {
                    @Header(name = ApiDefinition.RETRY_AFTER, ref = ApiDefinition.RETRY_AFTER),
                    @Header(
                        name = ApiDefinition.RATE_LIMIT_POLICY,
                        ref = ApiDefinition.RATE_LIMIT_POLICY),
                    @Header(name = ApiDefinition.RATE_LIMIT, ref = ApiDefinition.RATE_LIMIT)
                  },
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "rate-limited",
                                  value = OpenApiExamples.PROBLEM_RATE_LIMITED))),
              @APIResponse(
                  name = ApiDefinition.SERVICE_UNAVAILABLE,
                  responseCode = "503",
                  description = "The content database cannot be reached right now; retry later.",
                  headers =
                      @Header(name = ApiDefinition.RETRY_AFTER, ref = ApiDefinition.RETRY_AFTER),
                  content =
                      @Content(
                          mediaType = Problem.MEDIA_TYPE,
                          schema = @Schema(implementation = Problem.class),
                          examples =
                              @ExampleObject(
                                  name = "database-unreachable",
                                  value = OpenApiExamples.PROBLEM_SERVICE_UNAVAILABLE)))
            }))
public class ApiDefinition extends Application {

  /** Name of the bearer token security scheme, for {@code @SecurityRequirement(name = ...)}. */
  public static final String BEARER = "bearer";

  /** Description of a required If-Match request header. */
  public static final String IF_MATCH =
      "The ETag you last read, e.g. \"4\"; a missing one is a 428, a stale one a 412.";

  /** Description of an If-Match request header that is checked only when given. */
  public static final String IF_MATCH_OPTIONAL =
      "The ETag you last read; checked when given, so a stale one is a 412.";

  /**
   * Description of the {@code fields} query parameter; ContractFilter gives it the field names of
   * the operation's answer as its allowed values.
   */
  public static final String FIELDS =
      "Only these top-level fields of each item (of the answer itself for a single article),"
          + " comma-separated, e.g. `id,slug,title,publishedAt,zone`; a reference (zone,"
          + " publisherZone, category) comes whole and the paging fields of a list are always"
          + " sent. Every field when absent; an unknown field is a 400 that lists the valid ones.";

  /** Names of the shared headers, for {@code @Header(name = ..., ref = ...)}. */
  public static final String ETAG = "ETag";

  public static final String LOCATION = "Location";
  public static final String TOTAL_COUNT = PagedResponses.TOTAL_COUNT;
  public static final String LINK = "Link";

  /** Component names of the Link headers that also advertise feeds. */
  public static final String ARTICLE_LIST_LINK = "ArticleListLink";

  public static final String FEED_LINKS = "FeedLinks";
  public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  public static final String RETRY_AFTER = "Retry-After";
  public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
  public static final String RATE_LIMIT = "RateLimit";

  /** Names of the shared responses, for {@code @APIResponse(ref = ...)}. */
  public static final String BAD_REQUEST = "BadRequest";

  public static final String INVALID_BODY = "InvalidBody";
  public static final String UNAUTHORIZED = "Unauthorized";
  public static final String FORBIDDEN = "Forbidden";
  public static final String NOT_FOUND = "NotFound";
  public static final String CONFLICT = "Conflict";
  public static final String PRECONDITION_FAILED = "PreconditionFailed";
  public static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
  public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
  public static final String PRECONDITION_REQUIRED = "PreconditionRequired";
  public static final String TOO_MANY_REQUESTS = "TooManyRequests";
  public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";
}
