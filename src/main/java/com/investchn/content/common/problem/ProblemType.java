package com.investchn.content.common.problem;

import java.net.URI;

/** The kinds of problem this API reports, each with a stable type URI, title and status. */
public enum ProblemType {
  INVALID_PARAMETER("invalid-parameter", "Invalid parameter", 400),
  UNKNOWN_PARAMETER("unknown-parameter", "Unknown parameter", 400),
  BAD_REQUEST("bad-request", "Bad request", 400),
  VALIDATION_FAILED("validation-failed", "Invalid request body", 400),
  UNAUTHORIZED("unauthorized", "Authentication required", 401),
  FORBIDDEN("forbidden", "Not allowed", 403),
  ORIGIN_NOT_ALLOWED("origin-not-allowed", "Origin not allowed", 403),
  NOT_FOUND("not-found", "Resource not found", 404),
  NOT_IN_LIST("not-in-list", "Article is not in this list", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
  NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
  CONFLICT("conflict", "Conflict", 409),
  CURSOR_EXPIRED("cursor-expired", "Cursor expired", 410),
  BACKUP_UNAVAILABLE("backup-unavailable", "Online backup not available here", 409),
  PRECONDITION_FAILED("precondition-failed", "Resource has changed", 412),
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
  PRECONDITION_REQUIRED("precondition-required", "If-Match required", 428),
  RATE_LIMITED("rate-limited", "Too many requests", 429),
  INTERNAL_ERROR("internal-error", "Internal server error", 500),
  SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

  /** Base of every problem type URI; the URIs are identifiers and need not resolve. */
  public static final String BASE_URI = "https://api.investchn.com/problems/";

  private final URI uri;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.uri = URI.create(BASE_URI + slug);
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
