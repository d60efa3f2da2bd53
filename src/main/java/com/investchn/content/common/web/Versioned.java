package com.investchn.content.common.web;

/** A resource of the editorial API whose version is its ETag. */
public interface Versioned {

  long version();
}
