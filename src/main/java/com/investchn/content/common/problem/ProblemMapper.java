package com.investchn.content.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.investchn.content.common.edge.AllowedMethods;
import com.investchn.content.common.edge.JsonLimits;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.edge.RequestEdge;
import com.investchn.content.common.health.FatalErrors;
import com.investchn.content.common.write.BodyValidation;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where every error becomes application/problem+json: our own problems, the
 * framework's HTTP errors and anything unexpected, never with a stack trace or class name.
 */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
  private static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);
  private static final int RETRY_AFTER_SECONDS = 5;

  private final AllowedMethods allowedMethods;

  public ProblemMapper(AllowedMethods allowedMethods) {
    this.allowedMethods = allowedMethods;
  }

  @ServerExceptionMapper
  public RestResponse<Problem> mapProblem(
      ProblemException exception, UriInfo uriInfo, HttpHeaders headers) {
    List<FieldError> errors =
        exception instanceof ValidationFailedException invalid ? invalid.errors() : null;
    RestResponse<Problem> response =
        respond(
            exception.type(),
            exception.getMessage(),
            uriInfo,
            headers,
            exception.parameter(),
            errors);
    if (exception.type() == ProblemType.SERVICE_UNAVAILABLE) {
      // A temporary condition (the search index is being built): say when to come back.
      return RestResponse.ResponseBuilder.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    return response;
  }

  @ServerExceptionMapper
  public RestResponse<Problem> mapConstraintViolation(
      ConstraintViolationException exception, UriInfo uriInfo, HttpHeaders headers) {
    return mapProblem(
        new ValidationFailedException(BodyValidation.errors(exception.getConstraintViolations())),
        uriInfo,
        headers);
  }

  /** Unreadable JSON, or a value of the wrong type: a 400 that names the field when it can. */
  @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
  public RestResponse<Problem> mapUnreadableJson(
      JsonProcessingException exception, UriInfo uriInfo, HttpHeaders headers) {
    RestResponse<Problem> wrapped = wrappedProblem(exception, uriInfo, headers);
    if (wrapped != null) {
      return wrapped;
    }
    if (tooLargeToRead(exception)) {
      return respond(
          ProblemType.BAD_REQUEST,
          "The request body is nested deeper than "
              + JsonLimits.MAX_NESTING_DEPTH
              + " levels or has a number, string or name longer than this API reads.",
          uriInfo,
          headers,
          null,
          null);
    }
    if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return mapProblem(BodyValidation.unmapped(mapping), uriInfo, headers);
    }
    String original = exception.getOriginalMessage();
    if (original != null && original.startsWith(DUPLICATE_MEMBER) && original.endsWith("'")) {
      String member =
          QueryParameters.shown(
              original.substring(DUPLICATE_MEMBER.length(), original.length() - 1));
      return respond(
          ProblemType.BAD_REQUEST,
          "The request body has the member '" + member + "' more than once.",
          uriInfo,
          headers,
          null,
          List.of(new FieldError(member, "appears more than once")));
    }
    return respond(
        ProblemType.BAD_REQUEST,
        "The request body is not valid JSON.",
        uriInfo,
        headers,
        null,
        null);
  }

  /** How Jackson's strict duplicate detection begins its message, before the quoted name. */
  private static final String DUPLICATE_MEMBER = "Duplicate field '";

  /** The parser's limits (nesting depth, lengths) stopped it, however Jackson wrapped that. */
  private static boolean tooLargeToRead(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }

  @ServerExceptionMapper({
    UnauthorizedException.class,
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class
  })
  public RestResponse<Problem> mapUnauthorized(
      RuntimeException exception, UriInfo uriInfo, HttpHeaders headers) {
    RestResponse<Problem> response =
        respond(
            ProblemType.UNAUTHORIZED,
            "Send a valid API token as 'Authorization: Bearer <token>'.",
            uriInfo,
            headers,
            null,
            null);
    return RestResponse.ResponseBuilder.fromResponse(response)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"content-api\"")
        .build();
  }

  @ServerExceptionMapper
  public RestResponse<Problem> mapForbidden(
      ForbiddenException exception, UriInfo uriInfo, HttpHeaders headers) {
    return respond(
        ProblemType.FORBIDDEN,
        "Your token's role does not allow this operation.",
        uriInfo,
        headers,
        null,
        null);
  }

  /** Two writers passed the If-Match check at the same moment; the later one lost. */
  @ServerExceptionMapper
  public RestResponse<Problem> mapOptimisticLock(
      OptimisticLockException exception, UriInfo uriInfo, HttpHeaders headers) {
    return respond(
        ProblemType.PRECONDITION_FAILED,
        "The resource was changed by someone else while you saved; read it again.",
        uriInfo,
        headers,
        null,
        null);
  }

  @ServerExceptionMapper
  public RestResponse<Problem> mapWebApplication(
      WebApplicationException exception, UriInfo uriInfo, HttpHeaders headers) {
    RestResponse<Problem> wrapped = wrappedProblem(exception, uriInfo, headers);
    if (wrapped != null) {
      return wrapped;
    }
    if (exception.getCause() instanceof JsonProcessingException unreadable) {
      // A body read as a JSON tree (a merge patch) fails inside Quarkus REST's own reader.
      return mapUnreadableJson(unreadable, uriInfo, headers);
    }
    Response original = exception.getResponse();
    int status = original == null ? 500 : original.getStatus();
    ProblemType type = typeForStatus(status);
    String detail =
        switch (type) {
          case NOT_FOUND -> "No resource at " + uriInfo.getPath() + ".";
          case METHOD_NOT_ALLOWED -> "This resource does not support that HTTP method.";
          case NOT_ACCEPTABLE -> "This resource answers only application/json.";
          case UNSUPPORTED_MEDIA_TYPE -> "This resource does not accept that content type.";
          case PAYLOAD_TOO_LARGE -> "The request body is larger than this resource accepts.";
          case UNAUTHORIZED -> "Send a valid API token as 'Authorization: Bearer <token>'.";
          case FORBIDDEN -> "Your token's role does not allow this operation.";
          case INTERNAL_ERROR -> "The server could not complete the request.";
          default -> "The request could not be understood.";
        };
    if (type == ProblemType.INTERNAL_ERROR) {
      LOG.error("Request failed with a server error", exception);
    }
    RestResponse<Problem> response = respond(type, detail, uriInfo, headers, null, null);
    String allow = original == null ? null : original.getHeaderString(HttpHeaders.ALLOW);
    if (allow == null && type == ProblemType.METHOD_NOT_ALLOWED && uriInfo != null) {
      // RFC 9110: a 405 names the methods the resource does support.
      allow = allowedMethods.allowHeader(uriInfo.getPath());
    }
    if (allow != null) {
      return RestResponse.ResponseBuilder.fromResponse(response)
          .header(HttpHeaders.ALLOW, allow)
          .build();
    }
    return response;
  }

  @ServerExceptionMapper
  public RestResponse<Problem> mapUnexpected(
      Throwable exception, UriInfo uriInfo, HttpHeaders headers) {
    FatalErrors.haltIfFatal(exception);
    RestResponse<Problem> wrapped = wrappedProblem(exception, uriInfo, headers);
    if (wrapped != null) {
      return wrapped;
    }
    if (isDatabaseUnreachable(exception)) {
      LOG.warn("Database unreachable: " + exception.getMessage());
      RestResponse<Problem> response =
          respond(
              ProblemType.SERVICE_UNAVAILABLE,
              "The content database cannot be reached right now; retry shortly.",
              uriInfo,
              headers,
              null,
              null);
      return RestResponse.ResponseBuilder.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    Throwable conflict = causeOf(exception, ProblemMapper::isConcurrentWrite);
    if (conflict != null) {
      return respond(
          conflict instanceof org.hibernate.exception.ConstraintViolationException
              ? ProblemType.CONFLICT
              : ProblemType.PRECONDITION_FAILED,
          conflict instanceof org.hibernate.exception.ConstraintViolationException violation
              ? conflictDetail(violation)
              : "The resource was changed by someone else while you saved; read it again.",
          uriInfo,
          headers,
          null,
          null);
    }
    LOG.error("Unexpected error", exception);
    return respond(
        ProblemType.INTERNAL_ERROR,
        "The server could not complete the request; it has been logged.",
        uriInfo,
        headers,
        null,
        null);
  }

  /**
   * Our own problem raised where the framework wraps it (a request body that passed the size bound
   * while Jackson was reading it): the problem, not the wrapper, is the answer.
   */
  private RestResponse<Problem> wrappedProblem(
      Throwable exception, UriInfo uriInfo, HttpHeaders headers) {
    Throwable problem = causeOf(exception, cause -> cause instanceof ProblemException);
    return problem == null ? null : mapProblem((ProblemException) problem, uriInfo, headers);
  }

  /**
   * Two writers that passed every check at the same moment: the database's unique constraint or the
   * version check decides, and the loser gets 409 or 412 instead of a 500.
   */
  private static boolean isConcurrentWrite(Throwable cause) {
    return cause instanceof org.hibernate.exception.ConstraintViolationException
        || cause instanceof org.hibernate.StaleStateException
        || cause instanceof jakarta.persistence.OptimisticLockException;
  }

  private static String conflictDetail(org.hibernate.exception.ConstraintViolationException e) {
    String constraint = e.getConstraintName() == null ? "" : e.getConstraintName().toLowerCase();
    if (constraint.contains("slug")) {
      return "Another resource already has this slug.";
    }
    if (constraint.contains("external_id")) {
      return "Another article already has this externalId.";
    }
    if (constraint.contains("api_token_name")) {
      return "Another token already has this name.";
    }
    return "The change conflicts with data stored in the meantime; read it again.";
  }

  private static Throwable causeOf(
      Throwable exception, java.util.function.Predicate<Throwable> matches) {
    return DatabaseErrors.causeOf(exception, matches);
  }

  /** A lost or refused database connection is a temporary server problem: 503, not 500. */
  static boolean isDatabaseUnreachable(Throwable exception) {
    return DatabaseErrors.isUnreachable(exception);
  }

  private static ProblemType typeForStatus(int status) {
    return switch (status) {
      case 401 -> ProblemType.UNAUTHORIZED;
      case 403 -> ProblemType.FORBIDDEN;
      case 404 -> ProblemType.NOT_FOUND;
      case 405 -> ProblemType.METHOD_NOT_ALLOWED;
      case 406 -> ProblemType.NOT_ACCEPTABLE;
      case 409 -> ProblemType.CONFLICT;
      case 412 -> ProblemType.PRECONDITION_FAILED;
      case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
      case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
      case 428 -> ProblemType.PRECONDITION_REQUIRED;
      case 503 -> ProblemType.SERVICE_UNAVAILABLE;
      default ->
          status >= 400 && status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL_ERROR;
    };
  }

  static RestResponse<Problem> respond(
      ProblemType type,
      String detail,
      UriInfo uriInfo,
      HttpHeaders headers,
      String parameter,
      List<FieldError> errors) {
    String requestId =
        headers == null ? null : headers.getHeaderString(RequestEdge.REQUEST_ID_HEADER);
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            detail,
            instance(uriInfo),
            parameter,
            requestId,
            errors);
    RestResponse.ResponseBuilder<Problem> response =
        RestResponse.ResponseBuilder.<Problem>create(type.status())
            .entity(problem)
            .type(PROBLEM_JSON);
    if (type == ProblemType.PAYLOAD_TOO_LARGE) {
      // The rest of the body was never read; the connection cannot carry another request.
      response.header("Connection", "close");
    }
    return response.build();
  }

  private static String instance(UriInfo uriInfo) {
    return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
  }
}
