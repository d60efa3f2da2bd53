package com.investchn.content.common.write;

import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a resource's version is its ETag, and a change must name the
 * version it was based on in If-Match, so two editors can never silently overwrite each other.
 */
public final class Preconditions {

  /** A version tag, quoted as RFC 9110 asks; a bare number is understood too. */
  private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

  private Preconditions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * Checks If-Match against the current version.
   *
   * @throws PreconditionException 428 when If-Match is missing, 412 when it names another version
   */
  public static void requireMatch(String ifMatch, long currentVersion) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new PreconditionException(
          ProblemType.PRECONDITION_REQUIRED,
          "This change needs an If-Match header with the ETag you last read (e.g. If-Match: \""
              + currentVersion
              + "\").");
    }
    for (String candidate : ifMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return;
      }
      Matcher matcher = VERSION_TAG.matcher(tag);
      if (matcher.matches() && Long.parseLong(matcher.group(1)) == currentVersion) {
        return;
      }
    }
    throw new PreconditionException(
        ProblemType.PRECONDITION_FAILED,
        "The resource has changed since you read it: its ETag is now \""
            + currentVersion
            + "\". Read it again and reapply your change.");
  }

  /** A missing or stale If-Match. */
  public static final class PreconditionException extends ProblemException {
    PreconditionException(ProblemType type, String detail) {
      super(type, detail, null);
    }
  }
}
