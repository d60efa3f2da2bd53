package com.investchn.content.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.openapi.ApiDefinition;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.paging.PagedResponses;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.BodyValidation;
import com.investchn.content.common.write.WriteResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Admin management of webhook endpoints and their delivery logs. */
@Path("/api/v1/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@SecurityRequirement(name = ApiDefinition.BEARER)
@APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
@APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
@APIResponse(responseCode = "503", ref = ApiDefinition.SERVICE_UNAVAILABLE)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

  private final WebhookService service;
  private final ObjectMapper json;

  WebhookResource(WebhookService service, ObjectMapper json) {
    this.service = service;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "registerWebhook",
      summary = "Register a webhook endpoint",
      description =
          "The signing secret is in this answer only. Deliveries start with the changes committed"
              + " after the registration.")
  @APIResponse(
      responseCode = "201",
      description = "Registered; ETag is its version.",
      headers = {
        @Header(name = ApiDefinition.LOCATION, ref = ApiDefinition.LOCATION),
        @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG)
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RegisteredWebhook.class)))
  @APIResponse(responseCode = "400", ref = ApiDefinition.INVALID_BODY)
  @APIResponse(responseCode = "413", ref = ApiDefinition.PAYLOAD_TOO_LARGE)
  @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_MEDIA_TYPE)
  public RestResponse<RegisteredWebhook> register(
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = WebhookRequest.class)))
          JsonNode body,
      SecurityContext security) {
    RegisteredWebhook registered =
        service.register(read(WriteResponses.requireBody(body)), WriteResponses.actor(security));
    return WriteResponses.created("/api/v1/admin/webhooks/" + registered.id(), registered);
  }

  @GET
  @Operation(
      operationId = "listWebhooks",
      summary = "List webhook endpoints",
      description = "Every endpoint, oldest first, without secrets.")
  @APIResponse(
      responseCode = "200",
      description = "Every endpoint.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
  public List<WebhookView> list() {
    return service.list();
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getWebhook", summary = "One webhook endpoint")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint without its secret; ETag is its version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<WebhookView> get(@Parameter(example = "1") @PathParam("id") long id) {
    return WriteResponses.tagged(service.get(id));
  }

  @POST
  @Path("/{id}/pause")
  @Operation(
      operationId = "pauseWebhook",
      summary = "Pause an endpoint",
      description =
          "Nothing is sent while it is paused; its deliveries keep collecting and are sent, in"
              + " order, after resume. Pausing a paused endpoint is harmless.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint, status paused; ETag is its version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  public RestResponse<WebhookView> pause(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    return WriteResponses.tagged(service.setStatus(id, ifMatch, WebhookStore.PAUSED));
  }

  @POST
  @Path("/{id}/resume")
  @Operation(
      operationId = "resumeWebhook",
      summary = "Resume a paused or disabled endpoint",
      description =
          "What waits is sent now, in order, each delivery with a fresh retry period; the count"
              + " of failures in a row starts again at 0. Resuming an active endpoint is"
              + " harmless.")
  @APIResponse(
      responseCode = "200",
      description = "The endpoint, status active; ETag is its version.",
      headers = @Header(name = ApiDefinition.ETAG, ref = ApiDefinition.ETAG),
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = WebhookView.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  public RestResponse<WebhookView> resume(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    return WriteResponses.tagged(service.setStatus(id, ifMatch, WebhookStore.ACTIVE));
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      operationId = "deleteWebhook",
      summary = "Delete an endpoint",
      description =
          "Effective at once: nothing more is sent to it (an attempt already on the wire"
              + " finishes), and its queue and delivery log go with it.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  @APIResponse(responseCode = "412", ref = ApiDefinition.PRECONDITION_FAILED)
  public RestResponse<Void> delete(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(description = ApiDefinition.IF_MATCH_OPTIONAL) @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch) {
    service.delete(id, ifMatch);
    return RestResponse.noContent();
  }

  @POST
  @Path("/{id}/test")
  @Operation(
      operationId = "testWebhook",
      summary = "Send a test event",
      description =
          "Queues a signed webhook.test delivery behind whatever already waits for the"
              + " endpoint; its attempts appear in the delivery log.")
  @APIResponse(
      responseCode = "202",
      description = "Queued.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TestDelivery.class)))
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<TestDelivery> test(@Parameter(example = "1") @PathParam("id") long id) {
    return RestResponse.ResponseBuilder.<TestDelivery>create(RestResponse.Status.ACCEPTED)
        .entity(service.sendTest(id))
        .build();
  }

  @GET
  @Path("/{id}/deliveries")
  @Operation(
      operationId = "listWebhookDeliveries",
      summary = "The delivery log of an endpoint",
      description = "Every attempt, newest first, paged by number.")
  @APIResponse(
      responseCode = "200",
      description = "One page of attempts.",
      headers = {
        @Header(name = ApiDefinition.TOTAL_COUNT, ref = ApiDefinition.TOTAL_COUNT),
        @Header(name = ApiDefinition.LINK, ref = ApiDefinition.LINK)
      })
  @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
  @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
  public RestResponse<PageResponse<DeliveryAttempt>> deliveries(
      @Parameter(example = "1") @PathParam("id") long id,
      @Parameter(
              description = "1-based page number.",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"))
          @QueryParam("page")
          String page,
      @Parameter(
              description = "Attempts per page.",
              schema =
                  @Schema(
                      type = SchemaType.INTEGER,
                      minimum = "1",
                      maximum = "100",
                      defaultValue = "20"))
          @QueryParam("size")
          String size,
      @Context UriInfo uriInfo) {
    QueryParameters.requireSingleAndNonEmpty(uriInfo, "page", "size");
    return PagedResponses.ok(service.deliveries(id, PageRequest.parse(page, size, null)), uriInfo);
  }

  /** The body as a request, refusing fields the request does not have. */
  private WebhookRequest read(JsonNode body) {
    if (!body.isObject()) {
      throw ValidationFailedException.of("", "must be a JSON object");
    }
    try {
      // The API's mapper refuses members a body does not have, naming the fields there are.
      return json.treeToValue(body, WebhookRequest.class);
    } catch (JsonMappingException e) {
      throw BodyValidation.unmapped(e);
    } catch (JsonProcessingException e) {
      throw ValidationFailedException.of("", "is not a valid webhook");
    }
  }
}
