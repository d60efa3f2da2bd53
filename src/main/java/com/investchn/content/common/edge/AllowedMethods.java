package com.investchn.content.common.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The HTTP methods each path of the API answers, read once from the resource classes' annotations,
 * for the Allow header that RFC 9110 asks of every 405 (Quarkus REST sends none).
 */
@ApplicationScoped
public class AllowedMethods {

  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]*}");

  /** One resource method: the pattern of its path and its HTTP method. */
  private record Route(Pattern path, String method) {}

  private final BeanManager beans;
  private volatile List<Route> routes;

  public AllowedMethods(BeanManager beans) {
    this.beans = beans;
  }

  /** The Allow header value for a request path, e.g. {@code GET, HEAD, OPTIONS}; null if none. */
  public String allowHeader(String path) {
    String absolute = path.startsWith("/") ? path : "/" + path;
    String normalised =
        absolute.length() > 1 && absolute.endsWith("/")
            ? absolute.substring(0, absolute.length() - 1)
            : absolute;
    Set<String> methods = new TreeSet<>();
    for (Route route : routes()) {
      if (route.path().matcher(normalised).matches()) {
        methods.add(route.method());
      }
    }
    if (methods.isEmpty()) {
      return null;
    }
    if (methods.contains(HttpMethod.GET)) {
      methods.add(HttpMethod.HEAD);
    }
    methods.add(HttpMethod.OPTIONS);
    return String.join(", ", methods);
  }

  private List<Route> routes() {
    List<Route> known = routes;
    if (known == null) {
      known = List.copyOf(collect());
      routes = known;
    }
    return known;
  }

  private List<Route> collect() {
    List<Route> found = new ArrayList<>();
    for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
      Class<?> type = bean.getBeanClass();
      Path root = type.getAnnotation(Path.class);
      if (root == null) {
        continue;
      }
      for (Method method : type.getMethods()) {
        String httpMethod = httpMethodOf(method);
        if (httpMethod == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String template = join(root.value(), sub == null ? "" : sub.value());
        found.add(new Route(toPattern(template), httpMethod));
      }
    }
    return found;
  }

  private static String httpMethodOf(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static String join(String root, String sub) {
    String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** A path template as a pattern: each variable stands for one path segment. */
  static Pattern toPattern(String template) {
    StringBuilder pattern = new StringBuilder();
    var matcher = TEMPLATE_VARIABLE.matcher(template);
    int last = 0;
    while (matcher.find()) {
      pattern.append(Pattern.quote(template.substring(last, matcher.start()))).append("[^/]+");
      last = matcher.end();
    }
    pattern.append(Pattern.quote(template.substring(last)));
    return Pattern.compile(pattern.toString());
  }
}
