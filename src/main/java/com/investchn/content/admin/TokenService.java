package com.investchn.content.admin;

import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.log.LogText;
import com.investchn.content.common.problem.ConflictException;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.write.BodyValidation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/** Issues, lists, revokes and checks API tokens. Token secrets never reach a log. */
@ApplicationScoped
class TokenService {

  /** The principal name of the configured bootstrap token; no issued token may take it. */
  public static final String BOOTSTRAP_NAME = "bootstrap-admin";

  /** The id under which the bootstrap token is listed; issued tokens count from 1. */
  public static final long BOOTSTRAP_ID = 0;

  /** A bootstrap token shorter than this is refused at start-up: it could be guessed. */
  static final int BOOTSTRAP_MIN_LENGTH = 32;

  private static final Logger LOG = Logger.getLogger(TokenService.class);

  private static final String PREFIX = "ica_";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who a valid token belongs to. */
  public record Holder(String name, String role) {}

  private final ApiTokenRepository tokens;
  private final Validator validator;
  private final Optional<byte[]> bootstrapHash;

  /** When this process started with the bootstrap token, its createdAt in the list. */
  private final Instant bootstrapSince = Instant.now().truncatedTo(ChronoUnit.MICROS);

  private final AtomicReference<Instant> bootstrapLastUsed = new AtomicReference<>();

  public TokenService(ApiTokenRepository tokens, ContentApiConfig config, Validator validator) {
    this.tokens = tokens;
    this.validator = validator;
    this.bootstrapHash = bootstrapHash(config.admin().bootstrapToken());
  }

  /**
   * The hash of a configured bootstrap token; a blank one counts as none.
   *
   * @throws IllegalStateException for a token shorter than {@link #BOOTSTRAP_MIN_LENGTH}, which
   *     stops the start-up
   */
  static Optional<byte[]> bootstrapHash(Optional<String> configured) {
    Optional<String> token = configured.filter(value -> !value.isBlank());
    if (token.isPresent() && token.get().length() < BOOTSTRAP_MIN_LENGTH) {
      throw new IllegalStateException(
          "content-api.admin.bootstrap-token (CONTENT_API_ADMIN_BOOTSTRAP_TOKEN) has "
              + token.get().length()
              + " characters; it must have at least "
              + BOOTSTRAP_MIN_LENGTH
              + " so that it cannot be guessed. Generate one with: openssl rand -hex 24");
    }
    return token.map(value -> sha256(value).getBytes(StandardCharsets.US_ASCII));
  }

  /** At every start: a configured bootstrap token is a standing admin credential, say so. */
  void warnWhileBootstrapIsConfigured(@Observes StartupEvent started) {
    if (bootstrapHash.isPresent()) {
      LOG.warnf(
          "The bootstrap admin token (CONTENT_API_ADMIN_BOOTSTRAP_TOKEN) is configured: whoever"
              + " has it is an admin as '%s', and it never expires. Issue real admin tokens"
              + " with POST /api/v1/admin/tokens, then restart without it.",
          BOOTSTRAP_NAME);
    }
  }

  /** The holder of a presented token, if it is the bootstrap token or a live issued one. */
  public Optional<Holder> identify(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(presented);
    if (bootstrapHash.isPresent()
        && MessageDigest.isEqual(bootstrapHash.get(), hash.getBytes(StandardCharsets.US_ASCII))) {
      bootstrapLastUsed.set(Instant.now().truncatedTo(ChronoUnit.MICROS));
      return Optional.of(new Holder(BOOTSTRAP_NAME, Roles.ADMIN));
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Optional<ApiToken> token =
                  tokens.findByHash(hash).filter(candidate -> candidate.isUsableAt(now));
              token.ifPresent(used -> tokens.touch(used.id, now));
              return token.map(used -> new Holder(used.name, used.role));
            });
  }

  /** Issues a token; the returned secret is the only copy there will ever be. */
  @Transactional
  public IssuedToken issue(TokenRequest request, String actor) {
    if (request == null) {
      throw ValidationFailedException.of("", "a JSON body is required");
    }
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(request)));
    if (request.role() != null && !Set.of(Roles.EDITOR, Roles.ADMIN).contains(request.role())) {
      errors.add(new FieldError("role", "must be editor or admin"));
    }
    if (request.expiresAt() != null && !request.expiresAt().toInstant().isAfter(Instant.now())) {
      errors.add(new FieldError("expiresAt", "must be in the future"));
    }
    if (request.name() != null && !request.name().isBlank()) {
      nameProblem(request.name()).ifPresent(problem -> errors.add(new FieldError("name", problem)));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    if (request.name().equalsIgnoreCase(BOOTSTRAP_NAME)) {
      throw new ConflictException(
          "The name '"
              + request.name()
              + "' is the bootstrap token's ("
              + BOOTSTRAP_NAME
              + "); choose another.");
    }
    if (tokens.count("name", request.name()) > 0) {
      throw new ConflictException(
          "Another token is already named '"
              + request.name()
              + "'; names tell writers apart in audit fields, so each is used once.");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken token = new ApiToken();
    token.name = request.name();
    token.role = request.role();
    token.tokenHash = sha256(value);
    token.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    token.createdBy = actor;
    token.expiresAt =
        request.expiresAt() == null
            ? null
            : request.expiresAt().toInstant().truncatedTo(ChronoUnit.MICROS);
    tokens.persist(token);
    return IssuedToken.from(token, value);
  }

  /** Every token: the bootstrap token first while it is configured, then the issued ones. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TokenView> list() {
    List<TokenView> listed = new ArrayList<>();
    bootstrapView().ifPresent(listed::add);
    tokens.listAll().stream().map(TokenView::from).forEach(listed::add);
    return listed;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TokenView> find(long id) {
    if (id == BOOTSTRAP_ID) {
      return bootstrapView();
    }
    return tokens.findByIdOptional(id).map(TokenView::from);
  }

  private Optional<TokenView> bootstrapView() {
    return bootstrapHash.map(
        hash ->
            TokenView.bootstrap(
                BOOTSTRAP_ID, BOOTSTRAP_NAME, bootstrapSince, bootstrapLastUsed.get()));
  }

  /** Why a name cannot be a token's name, if it cannot: it must be printable and trimmed. */
  static Optional<String> nameProblem(String name) {
    int unprintable = name.codePoints().filter(LogText::isUnprintable).findFirst().orElse(-1);
    if (unprintable >= 0) {
      return Optional.of(
          String.format(
              "must be printable: no control, format or bidirectional characters (found U+%04X)",
              unprintable));
    }
    if (!name.equals(name.strip())) {
      return Optional.of("must not begin or end with whitespace");
    }
    return Optional.empty();
  }

  /** Revokes a token at once; revoking twice is harmless. */
  @Transactional
  public TokenView revoke(long id) {
    if (id == BOOTSTRAP_ID && bootstrapHash.isPresent()) {
      throw new ConflictException(
          "The bootstrap token is configuration, not an issued token: restart the service"
              + " without CONTENT_API_ADMIN_BOOTSTRAP_TOKEN to retire it.");
    }
    ApiToken token =
        tokens
            .findByIdOptional(id)
            .orElseThrow(() -> new ResourceNotFoundException("token", Long.toString(id)));
    if (token.revokedAt == null) {
      token.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
    return TokenView.from(token);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
