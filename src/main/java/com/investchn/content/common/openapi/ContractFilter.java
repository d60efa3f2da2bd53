package com.investchn.content.common.openapi;

import com.investchn.content.common.edge.DeclaredParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Finishes the OpenAPI document where annotations would repeat themselves or cannot say it
 * (registered with mp.openapi.filter):
 *
 * <ul>
 *   <li>The {@code fields} parameter of a read lists its answer's field names as allowed values.
 *   <li>Every operation answers a query parameter it does not declare with a 400 ({@link
 *       DeclaredParameters}); operations without a 400 of their own get the shared one.
 *   <li>Every operation under /api/ may answer 429 (rate limits), the shared TooManyRequests.
 *   <li>Every public GET but search answers with a strong content ETag, Cache-Control, Vary and,
 *       when the last change is old enough, Last-Modified, and answers 304 to matching validators;
 *       every admin GET that carries a version tag answers 304 to it. Declared once here for all of
 *       them, except for a public GET that declares its own Cache-Control (the change feed:
 *       no-store).
 *   <li>A SmallRye OpenAPI 4.2 quirk: when a record refers twice to a type whose schema is not
 *       complete yet (AdjacentArticles.previous and next, both ArticleLink), the second nullable
 *       reference loses "null" from its type and is published as {@code type: object} beside {@code
 *       anyOf: [ArticleLink, null]}, which forbids the null the server sends. A schema that offers
 *       a null branch means to allow null, so its type gets "null" back.
 * </ul>
 */
public class ContractFilter implements OASFilter {

  private static final String HEADERS = "#/components/headers/";
  private static final String RESPONSES = "#/components/responses/";
  private static final String CONTENT_TAG = "ContentTag";
  private static final String CACHE_CONTROL = "Cache-Control";
  private static final String VARY = "Vary";
  private static final String LAST_MODIFIED = "Last-Modified";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    openAPI
        .getComponents()
        .addHeader(
            CONTENT_TAG,
            header(
                "A strong tag of this answer's bytes; send it in If-None-Match to get 304 while"
                    + " nothing changed.",
                true,
                "\"q3Zp0cI4sO3mR1x6vJx0mS8aXhY\""))
        .addHeader(
            CACHE_CONTROL,
            header(
                "public, max-age and stale-while-revalidate for public reads; no-store for"
                    + " everything else.",
                true,
                "public, max-age=30, stale-while-revalidate=30"))
        .addHeader(
            VARY, header("The request headers the answer depends on.", true, "Accept-Encoding"))
        .addHeader(
            LAST_MODIFIED,
            header(
                "When the content last changed; given once that change is a second old.",
                false,
                "Mon, 01 Jul 2024 08:00:00 GMT"));
    if (openAPI.getPaths() == null) {
      return;
    }
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        if (operation.getResponses() != null
            && operation.getResponses().getAPIResponse("400") == null) {
          addInOrder(
              operation.getResponses(),
              "400",
              OASFactory.createAPIResponse().ref(RESPONSES + ApiDefinition.BAD_REQUEST));
        }
      }
    }
    for (PathItem path : openAPI.getPaths().getPathItems().values()) {
      if (path.getGET() != null) {
        describeFields(openAPI, path.getGET());
      }
    }
    // Every operation under /api/ is rate limited (RateLimits): a 429 is possible everywhere.
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        if (operation.getResponses() != null
            && operation.getResponses().getAPIResponse("429") == null) {
          addInOrder(
              operation.getResponses(),
              "429",
              OASFactory.createAPIResponse().ref(RESPONSES + ApiDefinition.TOO_MANY_REQUESTS));
        }
      }
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      Operation get = path.getValue().getGET();
      if (get == null || get.getResponses() == null) {
        continue;
      }
      APIResponse ok = get.getResponses().getAPIResponse("200");
      if (ok == null) {
        continue;
      }
      if (path.getKey().startsWith("/api/v1/admin")) {
        if (ok.getHeaders() != null && ok.getHeaders().containsKey(ApiDefinition.ETAG)) {
          get.getResponses()
              .addAPIResponse(
                  "304",
                  OASFactory.createAPIResponse()
                      .description("Not modified: the version named in If-None-Match is current.")
                      .addHeader(ApiDefinition.ETAG, ref(ApiDefinition.ETAG)));
        }
        continue;
      }
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      if (path.getKey().startsWith("/api/v1/search")) {
        // Search is not a cached public read (see SearchResource): no-store, no tag, no 304.
        ok.addHeader(CACHE_CONTROL, ref(CACHE_CONTROL));
        continue;
      }
      if (ok.getHeaders() != null && ok.getHeaders().containsKey(CACHE_CONTROL)) {
        // A public GET that is never cached (the change feed) declares its own policy.
        continue;
      }
      ok.addHeader(ApiDefinition.ETAG, ref(CONTENT_TAG))
          .addHeader(CACHE_CONTROL, ref(CACHE_CONTROL))
          .addHeader(VARY, ref(VARY))
          .addHeader(LAST_MODIFIED, ref(LAST_MODIFIED));
      get.getResponses()
          .addAPIResponse(
              "304",
              OASFactory.createAPIResponse()
                  .description(
                      "Not modified: the ETag in If-None-Match (or the date in If-Modified-Since)"
                          + " still describes the answer; no body.")
                  .addHeader(ApiDefinition.ETAG, ref(CONTENT_TAG))
                  .addHeader(CACHE_CONTROL, ref(CACHE_CONTROL))
                  .addHeader(VARY, ref(VARY)));
    }
  }

  /**
   * The {@code fields} parameter of a read lists the top-level fields of its answer, or of each of
   * its items for a page, as its allowed values: taken from the answer's own schema, so they can
   * never drift from the representation.
   */
  private static void describeFields(OpenAPI openAPI, Operation get) {
    if (get.getParameters() == null || get.getResponses() == null) {
      return;
    }
    Parameter fields =
        get.getParameters().stream()
            .filter(p -> "fields".equals(p.getName()) && p.getIn() == Parameter.In.QUERY)
            .findFirst()
            .orElse(null);
    APIResponse ok = get.getResponses().getAPIResponse("200");
    if (fields == null || ok == null || ok.getContent() == null) {
      return;
    }
    Schema body =
        ok.getContent().getMediaTypes().values().stream()
            .map(MediaType::getSchema)
            .filter(java.util.Objects::nonNull)
            .map(schema -> resolve(openAPI, schema))
            .findFirst()
            .orElse(null);
    if (body == null || body.getProperties() == null) {
      return;
    }
    Schema items = body.getProperties().get("items");
    Schema item =
        items != null && items.getItems() != null ? resolve(openAPI, items.getItems()) : body;
    if (item == null || item.getProperties() == null) {
      return;
    }
    fields
        .style(Parameter.Style.FORM)
        .explode(false)
        .schema(
            OASFactory.createSchema()
                .addType(SchemaType.ARRAY)
                .uniqueItems(true)
                .items(
                    OASFactory.createSchema()
                        .addType(SchemaType.STRING)
                        .enumeration(new ArrayList<>(item.getProperties().keySet()))));
  }

  private static Schema resolve(OpenAPI openAPI, Schema schema) {
    String ref = schema.getRef();
    if (ref == null) {
      return schema;
    }
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    return schemas == null ? null : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
  }

  @Override
  public Schema filterSchema(Schema schema) {
    List<SchemaType> type = schema.getType();
    List<Schema> anyOf = schema.getAnyOf();
    if (type != null
        && !type.contains(SchemaType.NULL)
        && anyOf != null
        && anyOf.stream().anyMatch(branch -> List.of(SchemaType.NULL).equals(branch.getType()))) {
      schema.addType(SchemaType.NULL);
    }
    return schema;
  }

  /** Adds a response where its status code sorts among the others, not at the end. */
  private static void addInOrder(APIResponses responses, String code, APIResponse response) {
    Map<String, APIResponse> ordered = new LinkedHashMap<>();
    boolean added = false;
    for (Map.Entry<String, APIResponse> existing : responses.getAPIResponses().entrySet()) {
      if (!added && existing.getKey().compareTo(code) > 0) {
        ordered.put(code, response);
        added = true;
      }
      ordered.put(existing.getKey(), existing.getValue());
    }
    if (!added) {
      ordered.put(code, response);
    }
    responses.setAPIResponses(ordered);
  }

  private static Header header(String description, boolean required, String example) {
    return OASFactory.createHeader()
        .description(description)
        .required(required)
        .schema(OASFactory.createSchema().addType(SchemaType.STRING).example(example));
  }

  private static Header ref(String name) {
    return OASFactory.createHeader().ref(HEADERS + name);
  }
}
