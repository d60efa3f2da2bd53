package com.investchn.content.common.openapi;

/**
 * Example payloads shown in Swagger UI, kept together so they are easy to keep true: each is an
 * answer the service really gives (the linter checks them against their schemas).
 */
public final class OpenApiExamples {

  private OpenApiExamples() {}

  /** The demo portal's reference article, a working value for {idOrSlug} in Swagger UI. */
  public static final String REFERENCE_ARTICLE = "beijing-etdz-first-half-2024-project-signing";

  /** A demo zone, a working value for a zone's {idOrSlug}. */
  public static final String REFERENCE_ZONE = "daxing";

  /** A demo channel, a working value for a category's {idOrSlug}. */
  public static final String REFERENCE_CATEGORY = "text-news";

  /** Words shown in Swagger UI's Authorize dialog and on every admin operation. */
  public static final String BEARER_DESCRIPTION =
      """
      An API token of the editorial API. Paste the token itself (without the word Bearer); \
      it is sent as `Authorization: Bearer <token>`. Role `editor` writes articles, role \
      `admin` may do everything. A fresh installation has one admin token, the value of \
      `CONTENT_API_ADMIN_BOOTSTRAP_TOKEN` it was started with; an admin issues further tokens \
      with `POST /api/v1/admin/tokens` (the secret is shown once, in that answer). The public \
      read endpoints need no token.""";

  public static final String PROBLEM_INVALID_PARAMETER =
      """
      {
        "type": "https://api.investchn.com/problems/invalid-parameter",
        "title": "Invalid parameter",
        "status": 400,
        "detail": "Query parameter 'size' must be an integer from 1 to 100, got '500'.",
        "instance": "/api/v1/articles",
        "parameter": "size",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_RATE_LIMITED =
      """
      {
        "type": "https://api.investchn.com/problems/rate-limited",
        "title": "Too many requests",
        "status": 429,
        "detail": "Too many requests from your address: 200 per 4 s are allowed (policy 'public'); retry in 1 s.",
        "instance": "/api/v1/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_UNKNOWN_PARAMETER =
      """
      {
        "type": "https://api.investchn.com/problems/unknown-parameter",
        "title": "Unknown parameter",
        "status": 400,
        "detail": "Query parameter 'categroy' is not accepted here; this endpoint accepts \
      category, zone, publisherZone, source, from, to, sort, page, size, cursor.",
        "instance": "/api/v1/articles",
        "parameter": "categroy",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_VALIDATION_FAILED =
      """
      {
        "type": "https://api.investchn.com/problems/validation-failed",
        "title": "Invalid request body",
        "status": 400,
        "detail": "The request body has 2 invalid fields.",
        "instance": "/api/v1/admin/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41",
        "errors": [
          {"field": "title", "message": "must not be blank"},
          {"field": "zoneId", "message": "names no zone: 9999"}
        ]
      }
      """;

  public static final String PROBLEM_UNAUTHORIZED =
      """
      {
        "type": "https://api.investchn.com/problems/unauthorized",
        "title": "Authentication required",
        "status": 401,
        "detail": "Send a valid API token as 'Authorization: Bearer <token>'.",
        "instance": "/api/v1/admin/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_FORBIDDEN =
      """
      {
        "type": "https://api.investchn.com/problems/forbidden",
        "title": "Not allowed",
        "status": 403,
        "detail": "Your token's role does not allow this operation.",
        "instance": "/api/v1/admin/zones",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_NOT_FOUND =
      """
      {
        "type": "https://api.investchn.com/problems/not-found",
        "title": "Resource not found",
        "status": 404,
        "detail": "No article with id or slug 'no-such-article'.",
        "instance": "/api/v1/articles/no-such-article",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_CURSOR_EXPIRED =
      """
      {
        "type": "https://api.investchn.com/problems/cursor-expired",
        "title": "Cursor expired",
        "status": 410,
        "detail": "Query parameter 'cursor' points at change-log position 1200, but deletes up \
      to position 4711 have been pruned, so this follower may have missed one. Restart from the \
      beginning: request /api/v1/sync without a cursor and rebuild the mirror.",
        "instance": "/api/v1/sync",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41",
        "parameter": "cursor"
      }
      """;

  public static final String PROBLEM_NOT_IN_LIST =
      """
      {
        "type": "https://api.investchn.com/problems/not-in-list",
        "title": "Article is not in this list",
        "status": 404,
        "detail": "Article 42 is not in the list selected by these parameters.",
        "instance": "/api/v1/articles/42/adjacent",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_CONFLICT =
      """
      {
        "type": "https://api.investchn.com/problems/conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "Another article (318) already has the slug 'daxing-signing-ceremony-2024-06-21'.",
        "instance": "/api/v1/admin/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_PRECONDITION_FAILED =
      """
      {
        "type": "https://api.investchn.com/problems/precondition-failed",
        "title": "Resource has changed",
        "status": 412,
        "detail": "The resource has changed since you read it: its ETag is now \\"4\\". Read it again and reapply your change.",
        "instance": "/api/v1/admin/articles/318",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_PAYLOAD_TOO_LARGE =
      """
      {
        "type": "https://api.investchn.com/problems/payload-too-large",
        "title": "Request body too large",
        "status": 413,
        "detail": "The request body has 3145728 bytes; at most 2097152 are accepted here.",
        "instance": "/api/v1/admin/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_UNSUPPORTED_MEDIA_TYPE =
      """
      {
        "type": "https://api.investchn.com/problems/unsupported-media-type",
        "title": "Unsupported media type",
        "status": 415,
        "detail": "This resource does not accept that content type.",
        "instance": "/api/v1/admin/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_PRECONDITION_REQUIRED =
      """
      {
        "type": "https://api.investchn.com/problems/precondition-required",
        "title": "If-Match required",
        "status": 428,
        "detail": "This change needs an If-Match header with the ETag you last read (e.g. If-Match: \\"4\\").",
        "instance": "/api/v1/admin/articles/318",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_SERVICE_UNAVAILABLE =
      """
      {
        "type": "https://api.investchn.com/problems/service-unavailable",
        "title": "Service unavailable",
        "status": 503,
        "detail": "The content database cannot be reached right now; retry shortly.",
        "instance": "/api/v1/articles",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String SITE =
      """
      {
        "name": "投促中国",
        "nameEn": "InvestCHN.com",
        "slogan": "打造网上国际投资促进平台 致力于中国投资促进事业",
        "baseUrl": "https://www.investchn.com",
        "logoUrl": "https://static.investchn.com/images/logo.png",
        "locale": "zh-CN",
        "timezone": "Asia/Shanghai",
        "phone": "+86-0512-53660867",
        "fax": "+86-0512-53660867",
        "email": "info@investchn.com",
        "address": null,
        "copyright": "Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国",
        "icpLicense": null,
        "updatedAt": "2024-06-21T09:30:00.000000+08:00"
      }
      """;

  public static final String ADJACENT =
      """
      {
        "previous": {
          "id": 320,
          "slug": "etdz-ai-forum-2024-06-24",
          "title": "北京经济技术开发区举办人工智能产业对接会",
          "publishedAt": "2024-06-24T10:00:00.000000+08:00"
        },
        "next": null,
        "context": {
          "category": "text-news",
          "zone": "daxing",
          "publisherZone": null,
          "source": null,
          "from": null,
          "to": null,
          "sort": "publishedAt,desc",
          "list": "/api/v1/articles?category=text-news&zone=daxing&sort=publishedAt,desc"
        }
      }
      """;

  public static final String ISSUED_TOKEN =
      """
      {
        "id": 2,
        "name": "newsroom-editor-wang",
        "role": "editor",
        "token": "ica_q2x9Z0V6bGJ3c1R5aG5rS3V0N2E4YjlEZkdoSmtMaBc",
        "createdAt": "2024-06-21T09:30:00.000000+08:00",
        "createdBy": "bootstrap-admin",
        "expiresAt": "2027-06-30T23:59:59.000000+08:00"
      }
      """;
}
