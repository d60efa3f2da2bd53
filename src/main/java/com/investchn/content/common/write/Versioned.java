package com.investchn.content.common.write;

/** A resource of the editorial API whose version is its ETag. */
public interface Versioned {

  long version();
}
