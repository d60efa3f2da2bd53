package com.investchn.content.common.edge;

import com.investchn.content.common.problem.UnknownParameterException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Holds every request to the query parameters its resource method declares, before any of them is
 * parsed: a name the method does not declare (with {@code @QueryParam}, directly or in a
 * {@code @BeanParam}) is a 400 that names it and lists the accepted ones, so a typo such as {@code
 * categroy=policies} can never silently widen a list; and a value longer than {@link
 * QueryParameters#MAX_VALUE_LENGTH} is a 400 before any parser or regular expression reads it.
 */
public class DeclaredParameters {

  private final Map<Method, List<String>> declared = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void requireDeclared(ResourceInfo resource, UriInfo uriInfo) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
    if (query.isEmpty()) {
      return;
    }
    List<String> accepted = declared.computeIfAbsent(method, DeclaredParameters::declaredBy);
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      if (name.isEmpty()) {
        // "?&" or a trailing "&" names nothing.
        continue;
      }
      if (!accepted.contains(name)) {
        throw new UnknownParameterException(name, accepted);
      }
      for (String value : parameter.getValue()) {
        QueryParameters.requireBoundedLength(name, value);
        QueryParameters.requireNoNul(name, value);
      }
    }
  }

  /** The query parameter names of a resource method, in the order it declares them. */
  static List<String> declaredBy(Method method) {
    List<String> names = new ArrayList<>();
    Annotation[][] annotations = method.getParameterAnnotations();
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation annotation : annotations[i]) {
        if (annotation instanceof QueryParam query) {
          names.add(query.value());
        } else if (annotation instanceof BeanParam) {
          addBeanParameters(types[i], names);
        }
      }
    }
    return List.copyOf(names);
  }

  private static void addBeanParameters(Class<?> bean, List<String> names) {
    // The inherited parameters first (the filters a list, a feed and a search share), then each
    // subclass's own, so the accepted ones are listed in the order a reader meets them.
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
      chain.add(0, type);
    }
    for (Class<?> type : chain) {
      List<AccessibleObject> members = new ArrayList<>(List.of(type.getDeclaredFields()));
      members.addAll(List.of(type.getDeclaredMethods()));
      for (AccessibleObject member : members) {
        QueryParam query = member.getAnnotation(QueryParam.class);
        if (query != null && !names.contains(query.value())) {
          names.add(query.value());
        }
        if (member.isAnnotationPresent(BeanParam.class)
            && member instanceof java.lang.reflect.Field field) {
          addBeanParameters(field.getType(), names);
        }
      }
    }
  }
}
