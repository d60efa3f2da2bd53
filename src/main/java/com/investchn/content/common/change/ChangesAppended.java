package com.investchn.content.common.change;

import java.util.List;

/**
 * Fired synchronously inside the writer's transaction just before its changes are numbered, so that
 * data derived from the content (the article listing) is kept in the same transaction.
 */
public record ChangesAppended(List<Change> changes) {}
