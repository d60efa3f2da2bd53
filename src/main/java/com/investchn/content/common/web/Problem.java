package com.investchn.content.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body. */
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details, sent as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(
            description = "URI that identifies the kind of problem; stable across releases.",
            example = "https://api.investchn.com/problems/invalid-parameter")
        URI type,
    @Schema(description = "Short summary of the kind of problem.", example = "Invalid parameter")
        String title,
    @Schema(description = "HTTP status code.", example = "400") int status,
    @Schema(
            description = "What went wrong in this request.",
            example = "Query parameter 'size' must be an integer from 1 to 100, got '500'.")
        String detail,
    @Schema(description = "Path of the request that failed.", example = "/api/v1/articles")
        String instance,
    @Schema(
            description = "The query parameter at fault, when there is one.",
            example = "size",
            nullable = true)
        String parameter,
    @Schema(
            description = "Id of the request (the X-Request-Id header), for support and logs.",
            example = "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41")
        String requestId,
    @Schema(
            description = "Every invalid field of a request body, when the body was invalid.",
            nullable = true)
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
