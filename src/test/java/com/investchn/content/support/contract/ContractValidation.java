package com.investchn.content.support.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Holds every answer a test receives to the published contract, openapi/openapi.yaml: status,
 * content type, required headers and the body, strictly (no undeclared field, no null where the
 * contract says non-null, every required field present).
 *
 * <p>Requests are not validated. Many tests send what the contract forbids on purpose (a page of 0,
 * a repeated parameter, a body of the wrong type, 3 MB of JSON, no If-Match) to check that the
 * answer is the documented problem; those answers are validated like any other. A request is only
 * asked whether the contract covers it at all: an unknown path (the framework's /q endpoints, a
 * path that exists nowhere), an undeclared method or an Accept header that no documented media type
 * satisfies has no contract to check its answer against.
 */
public final class ContractValidation implements Filter {

  /** The published contract, relative to the project folder where Maven runs the tests. */
  static final Path CONTRACT = Path.of("openapi", "openapi.yaml");

  private static final int BODY_SHOWN = 2_000;

  private static final String REQUIRED_FIELD = "validation.response.body.schema.required";

  private static ContractValidation installed;

  private final OpenApiInteractionValidator responses;
  private final OpenApiInteractionValidator coverage;

  private ContractValidation(String contract30) {
    this.responses =
        OpenApiInteractionValidator.createForInlineApiSpecification(contract30)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
    this.coverage =
        OpenApiInteractionValidator.createForInlineApiSpecification(contract30)
            .withLevelResolver(
                LevelResolver.create()
                    .withDefaultLevel(ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                    .withLevel(
                        "validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                    .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.ERROR)
                    .build())
            .build();
  }

  /**
   * Adds the validation to REST Assured's global filters, once. Called for every test class by
   * {@link ContractValidationExtension}, in the class loader the test's REST Assured lives in.
   */
  public static synchronized void install() {
    if (installed == null) {
      installed = forContract(CONTRACT);
    }
    if (!RestAssured.filters().contains(installed)) {
      RestAssured.filters(installed);
    }
  }

  static ContractValidation forContract(Path contract) {
    return new ContractValidation(load(contract));
  }

  /** Whether the contract covers a request at all: its path, method and Accept header. */
  boolean covers(Request request) {
    return !coverage.validateRequest(request).hasErrors();
  }

  /** What the contract says about an answer to a request it covers. */
  ValidationReport check(Request request, com.atlassian.oai.validator.model.Response response) {
    return responses.validateResponse(request.getPath(), request.getMethod(), response);
  }

  /** The contract as an OpenAPI 3.0 JSON document for the validator. */
  static String load(Path contract) {
    try {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      return new ObjectMapper()
          .writeValueAsString(
              ContractDowngrade.toOpenApi30(yaml.readTree(Files.readString(contract))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the contract " + contract.toAbsolutePath(), e);
    }
  }

  @Override
  public Response filter(
      FilterableRequestSpecification requestSpec,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(requestSpec, responseSpec);
    Request request = RestAssuredRequest.of(requestSpec);
    ValidationReport report = check(request, decoded(response));
    if (!request.getQueryParameterValues("fields").isEmpty()) {
      // With fields= the client asked for fewer fields than the contract requires, as the
      // parameter's description says; every field that is sent is still held to its schema.
      report =
          ValidationReport.from(
              report.getMessages().stream()
                  .filter(message -> !message.getKey().equals(REQUIRED_FIELD))
                  .toList());
    }
    // Asked only after a finding, since most answers have none: is it about the answer to a
    // request the contract covers, or about a request outside it?
    if (report.hasErrors() && covers(request)) {
      throw new AssertionError(describe(request, response, report));
    }
    return response;
  }

  /**
   * The answer as the contract describes it: a test that reads the raw bytes of a gzip answer gets
   * them compressed, and the contract speaks of what they decompress to.
   */
  private static com.atlassian.oai.validator.model.Response decoded(Response response) {
    String encoding = response.header("Content-Encoding");
    byte[] raw = response.asByteArray();
    if (!"gzip".equalsIgnoreCase(encoding) || raw.length < 2 || raw[0] != (byte) 0x1f) {
      return RestAssuredResponse.of(response);
    }
    try (java.util.zip.GZIPInputStream in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      com.atlassian.oai.validator.model.SimpleResponse.Builder decoded =
          com.atlassian.oai.validator.model.SimpleResponse.Builder.status(response.statusCode())
              .withBody(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      response.headers().forEach(header -> decoded.withHeader(header.getName(), header.getValue()));
      return decoded.build();
    } catch (IOException e) {
      throw new UncheckedIOException("An answer said gzip but was not", e);
    }
  }

  private static String describe(Request request, Response response, ValidationReport report) {
    String body = response.asString();
    if (body.length() > BODY_SHOWN) {
      body = body.substring(0, BODY_SHOWN) + "…";
    }
    return "The answer to "
        + request.getMethod()
        + " "
        + request.getPath()
        + " breaks openapi/openapi.yaml:\n"
        + report.getMessages().stream()
            .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
            .map(message -> "  - " + message.getKey() + ": " + message.getMessage())
            .collect(Collectors.joining("\n"))
        + "\n  status "
        + response.statusCode()
        + ", Content-Type "
        + response.contentType()
        + ", body: "
        + body;
  }
}
