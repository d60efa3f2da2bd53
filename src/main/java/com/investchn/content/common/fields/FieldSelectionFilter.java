package com.investchn.content.common.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.paging.PageResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies {@code fields=} to the reads marked {@link SelectableFields}: the list is checked before
 * the resource runs (a bad one is a 400 and nothing is read), and the answer is trimmed before the
 * public-response filter serializes, tags and caches it, so the cache, the ETag and compression are
 * those of the trimmed bytes, one entry per field set.
 */
public class FieldSelectionFilter {

  private static final String SELECTION = FieldSelection.class.getName();

  private final ObjectMapper json;

  public FieldSelectionFilter(ObjectMapper json) {
    this.json = json;
  }

  @ServerRequestFilter
  public void select(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    SelectableFields selectable =
        method == null ? null : method.getAnnotation(SelectableFields.class);
    if (selectable == null) {
      return;
    }
    List<String> values = request.getUriInfo().getQueryParameters().get(FieldSelection.PARAMETER);
    if (values == null || values.isEmpty()) {
      return;
    }
    QueryParameters.requireSingle(request.getUriInfo(), FieldSelection.PARAMETER);
    request.setProperty(SELECTION, FieldSelection.parse(values.get(0), selectable.value()));
  }

  /**
   * Response filters run from the highest priority down: after FeedAlternates (USER + 100), which
   * reads the typed answer, and before PublicResponses (USER), which serializes and caches it.
   */
  @ServerResponseFilter(priority = Priorities.USER + 50)
  public void trim(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(SELECTION) instanceof FieldSelection selection)
        || response.getStatus() != 200
        || response.getEntity() == null) {
      return;
    }
    Object entity = response.getEntity();
    JsonNode tree = json.valueToTree(entity);
    if (entity instanceof PageResponse<?>) {
      selection.trimEach(tree.get("items"));
    } else {
      selection.trim(tree);
    }
    response.setEntity(tree);
  }
}
