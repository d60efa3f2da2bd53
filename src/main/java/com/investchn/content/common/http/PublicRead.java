package com.investchn.content.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource of the public read API: its successful GET answers are a function of the URL and
 * the content, so they carry a strong ETag, may be cached by shared caches and are kept in the
 * response cache. Every other resource answers {@code Cache-Control: no-store}. The decision
 * follows the matched resource, never the spelling of the request path.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicRead {}
