package com.investchn.content.common.problem;

/** No public resource answers to the given id or slug. */
public final class ResourceNotFoundException extends ProblemException {

  public ResourceNotFoundException(String resource, String idOrSlug) {
    super(ProblemType.NOT_FOUND, "No " + resource + " with id or slug '" + idOrSlug + "'.", null);
  }

  private ResourceNotFoundException(ProblemType type, String detail) {
    super(type, detail, null);
  }

  /** The article exists but is not part of the list the client navigates in. */
  public static ResourceNotFoundException notInList(String detail) {
    return new ResourceNotFoundException(ProblemType.NOT_IN_LIST, detail);
  }
}
