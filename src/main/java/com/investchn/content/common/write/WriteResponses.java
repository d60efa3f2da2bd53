package com.investchn.content.common.write;

import com.investchn.content.common.problem.ValidationFailedException;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** What every editorial resource does around its editor: bodies in, tagged answers out. */
public final class WriteResponses {

  private WriteResponses() {}

  /** 200 with the resource and its version as ETag. */
  public static <T extends Versioned> RestResponse<T> tagged(T resource) {
    return RestResponse.ResponseBuilder.ok(resource)
        .tag(Preconditions.etag(resource.version()))
        .build();
  }

  /** 201 with a Location, the resource and its version as ETag. */
  public static <T extends Versioned> RestResponse<T> created(String location, T resource) {
    return RestResponse.ResponseBuilder.<T>created(URI.create(location))
        .entity(resource)
        .tag(Preconditions.etag(resource.version()))
        .build();
  }

  /** The request body, which a write cannot do without. */
  public static <T> T requireBody(T body) {
    if (body == null) {
      throw ValidationFailedException.of("", "a JSON body is required");
    }
    return body;
  }

  /** Who writes: the name of the caller's API token, recorded as createdBy and updatedBy. */
  public static String actor(SecurityContext security) {
    return security.getUserPrincipal().getName();
  }
}
