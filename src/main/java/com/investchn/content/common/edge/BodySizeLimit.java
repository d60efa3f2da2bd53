package com.investchn.content.common.edge;

import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP layer admits bodies up to the size of a bulk import; every other request body is a
 * single JSON document and is refused above 2 MiB (an article body is 1 MB). A declared length is
 * checked before anything is read; a body without one (chunked, HTTP/2) is counted as it is read
 * and refused the moment it passes the bound, so no upload can fill the heap. The rule follows the
 * matched resource method, not the request path, so no spelling of a path escapes it.
 */
public class BodySizeLimit {

  /** Largest JSON document a write other than an import may send. */
  public static final long MAX_DOCUMENT_BYTES = 2L * 1024 * 1024;

  @ServerRequestFilter
  public void limit(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method != null && method.isAnnotationPresent(StreamedUpload.class)) {
      return;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      long bytes;
      try {
        bytes = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        bytes = -1;
      }
      if (bytes > MAX_DOCUMENT_BYTES) {
        throw tooLarge(bytes + " bytes");
      }
      if (bytes >= 0) {
        return;
      }
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Bounded(request.getEntityStream()));
    }
  }

  private static PayloadTooLargeException tooLarge(String size) {
    return new PayloadTooLargeException(
        "The request body has "
            + size
            + "; at most "
            + MAX_DOCUMENT_BYTES
            + " bytes (2 MiB) are accepted here.");
  }

  /** A request body larger than the resource accepts. */
  public static final class PayloadTooLargeException extends ProblemException {
    PayloadTooLargeException(String detail) {
      super(ProblemType.PAYLOAD_TOO_LARGE, detail, null);
    }
  }

  /** Counts the bytes read and stops the read that passes the bound. */
  private static final class Bounded extends FilterInputStream {
    private long read;

    Bounded(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      read += n;
      if (read > MAX_DOCUMENT_BYTES) {
        throw tooLarge("more than " + MAX_DOCUMENT_BYTES + " bytes");
      }
    }
  }
}
