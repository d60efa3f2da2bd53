package com.investchn.content.common.paging;

import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.problem.InvalidParameterException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a {@link Cursor} into an opaque, signed token and back. The HMAC makes a tampered or forged
 * cursor a clean 400 instead of a query over arbitrary keys.
 */
@ApplicationScoped
public class CursorCodec {

  private static final String VERSION = "c1";
  private static final String HMAC = "HmacSHA256";
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  public CursorCodec(ContentApiConfig config) {
    this.key = new SecretKeySpec(config.cursor().secret().getBytes(StandardCharsets.UTF_8), HMAC);
  }

  public String encode(Cursor cursor) {
    String payload =
        String.join(
            "|",
            VERSION,
            digest(cursor.fingerprint()),
            Long.toString(cursor.offset()),
            cursor.lastTime() == null ? "" : cursor.lastTime().toString(),
            cursor.lastId() == null ? "" : cursor.lastId().toString());
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
  }

  /**
   * Decodes a cursor and checks that it was minted for the query with this fingerprint.
   *
   * @throws InvalidParameterException naming {@code cursor} when it is malformed, tampered with or
   *     belongs to another query
   */
  public Cursor decode(String token, String expectedFingerprint) {
    Cursor cursor = decodeVerified(token);
    if (!cursor.fingerprint().equals(digest(expectedFingerprint))) {
      throw new InvalidParameterException(
          "cursor",
          "belongs to a list with other filters or another sort order; "
              + "send it with the same parameters as the request that returned it.");
    }
    return cursor;
  }

  private Cursor decodeVerified(String token) {
    try {
      int dot = token.indexOf('.');
      if (dot <= 0) {
        throw malformed();
      }
      byte[] payload = DECODER.decode(token.substring(0, dot));
      byte[] mac = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(mac, sign(payload))) {
        throw malformed();
      }
      String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
      if (fields.length != 5 || !VERSION.equals(fields[0])) {
        throw malformed();
      }
      long offset = Long.parseLong(fields[2]);
      Instant publishedAt = fields[3].isEmpty() ? null : Instant.parse(fields[3]);
      Long id = fields[4].isEmpty() ? null : Long.valueOf(fields[4]);
      if (offset < 0) {
        throw malformed();
      }
      return new Cursor(fields[1], offset, publishedAt, id);
    } catch (InvalidParameterException e) {
      throw e;
    } catch (RuntimeException e) {
      throw malformed();
    }
  }

  /** Shortens the query's fingerprint so any filter value fits into the cursor. */
  private static String digest(String fingerprint) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
      return ENCODER.encodeToString(Arrays.copyOf(hash, 12));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static InvalidParameterException malformed() {
    return new InvalidParameterException(
        "cursor",
        "is malformed or has been altered; use the nextCursor value exactly as returned.");
  }
}
