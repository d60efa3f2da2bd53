package com.investchn.content.admin;

/**
 * What an import may do beyond adding and updating: bring back articles that were deleted here, and
 * overwrite rows that were changed here after the file was written.
 */
record ImportOptions(boolean restoreDeleted, boolean overwriteNewer) {

  static final ImportOptions DEFAULT = new ImportOptions(false, false);
}
