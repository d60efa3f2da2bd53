package com.investchn.content.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP layer admits bodies up to the size of a bulk import; every other request body is a
 * single JSON document and is refused above 2 MiB before it is read (an article body is 1 MB).
 */
public class BodySizeLimit {

  /** Largest JSON document a write other than an import may send. */
  public static final long MAX_DOCUMENT_BYTES = 2L * 1024 * 1024;

  private static final String IMPORT_PATH = "/api/v1/admin/import";

  @ServerRequestFilter
  public void limit(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null || request.getUriInfo().getRequestUri().getRawPath().equals(IMPORT_PATH)) {
      return;
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return;
    }
    if (bytes > MAX_DOCUMENT_BYTES) {
      throw new PayloadTooLargeException(
          "The request body has "
              + bytes
              + " bytes; at most "
              + MAX_DOCUMENT_BYTES
              + " are accepted here.");
    }
  }

  /** A request body larger than the resource accepts. */
  public static final class PayloadTooLargeException extends ProblemException {
    PayloadTooLargeException(String detail) {
      super(ProblemType.PAYLOAD_TOO_LARGE, detail, null);
    }
  }
}
