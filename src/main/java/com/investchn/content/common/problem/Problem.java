package com.investchn.content.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body; parameter and errors are left out when they do not apply. */
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details, sent as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(
            required = true,
            description = "URI that identifies the kind of problem; stable across releases.",
            example = "https://api.investchn.com/problems/invalid-parameter")
        URI type,
    @Schema(
            required = true,
            description = "Short summary of the kind of problem.",
            example = "Invalid parameter")
        String title,
    @Schema(required = true, description = "HTTP status code.", example = "400") int status,
    @Schema(
            required = true,
            description = "What went wrong in this request.",
            example = "Query parameter 'size' must be an integer from 1 to 100, got '500'.")
        String detail,
    @Schema(
            required = true,
            description = "Path of the request that failed.",
            example = "/api/v1/articles")
        String instance,
    @Schema(
            description = "The query parameter at fault; absent when no parameter is.",
            example = "size")
        String parameter,
    @Schema(
            required = true,
            description = "Id of the request (the X-Request-Id header), for support and logs.",
            example = "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41")
        String requestId,
    @Schema(
            description =
                "Every invalid field of a request body; absent unless the body was invalid.")
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
