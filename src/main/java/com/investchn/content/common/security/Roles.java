package com.investchn.content.common.security;

/** The roles of the editorial API; an admin token carries both. */
public final class Roles {

  /** Creates and changes articles. */
  public static final String EDITOR = "editor";

  /** Everything: zones, categories, the site record and tokens, as well as articles. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
