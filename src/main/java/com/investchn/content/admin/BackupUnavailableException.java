package com.investchn.content.admin;

import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ProblemType;

/** This database cannot be backed up from inside the service; the detail says what to use. */
final class BackupUnavailableException extends ProblemException {

  BackupUnavailableException(String detail) {
    super(ProblemType.BACKUP_UNAVAILABLE, detail, null);
  }
}
