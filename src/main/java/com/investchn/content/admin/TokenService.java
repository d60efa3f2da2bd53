package com.investchn.content.admin;

import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.security.Roles;
import com.investchn.content.common.web.BodyValidation;
import com.investchn.content.common.web.FieldError;
import com.investchn.content.common.web.ResourceNotFoundException;
import com.investchn.content.common.web.ValidationFailedException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Issues, lists, revokes and checks API tokens. Token secrets never reach a log. */
@ApplicationScoped
public class TokenService {

  /** The principal name of the configured bootstrap token. */
  public static final String BOOTSTRAP_NAME = "bootstrap-admin";

  private static final String PREFIX = "ica_";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who a valid token belongs to. */
  public record Holder(String name, String role) {}

  private final ApiTokenRepository tokens;
  private final Validator validator;
  private final Optional<byte[]> bootstrapHash;

  public TokenService(ApiTokenRepository tokens, ContentApiConfig config, Validator validator) {
    this.tokens = tokens;
    this.validator = validator;
    this.bootstrapHash =
        config
            .admin()
            .bootstrapToken()
            .filter(token -> !token.isBlank())
            .map(token -> sha256(token).getBytes(StandardCharsets.US_ASCII));
  }

  /** The holder of a presented token, if it is the bootstrap token or a live issued one. */
  public Optional<Holder> identify(String presented) {
    if (presented == null || presented.isBlank() || presented.length() > 200) {
      return Optional.empty();
    }
    String hash = sha256(presented);
    if (bootstrapHash.isPresent()
        && MessageDigest.isEqual(bootstrapHash.get(), hash.getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(new Holder(BOOTSTRAP_NAME, Roles.ADMIN));
    }
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
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
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken token = new ApiToken();
    token.name = request.name();
    token.role = request.role();
    token.tokenHash = sha256(value);
    token.createdAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    token.createdBy = actor;
    token.expiresAt =
        request.expiresAt() == null
            ? null
            : request.expiresAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    tokens.persist(token);
    return IssuedToken.from(token, value);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TokenView> list() {
    return tokens.listAll().stream().map(TokenView::from).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<TokenView> find(long id) {
    return tokens.findByIdOptional(id).map(TokenView::from);
  }

  /** Revokes a token at once; revoking twice is harmless. */
  @Transactional
  public TokenView revoke(long id) {
    ApiToken token =
        tokens
            .findByIdOptional(id)
            .orElseThrow(() -> new ResourceNotFoundException("token", Long.toString(id)));
    if (token.revokedAt == null) {
      token.revokedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
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
