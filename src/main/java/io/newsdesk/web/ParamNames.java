package io.newsdesk.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ParameterNameProvider;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names method parameters in validation errors as clients send them: the query, path or header name
 * ({@code Idempotency-Key}, not {@code idempotencyKey}); other parameters keep their Java names.
 */
@ApplicationScoped
class ParamNames implements ParameterNameProvider {

  /**
   * Validation asks on every request, and reading parameter annotations parses them anew each time
   * (the benchmark found it costing milliseconds a request): names are worked out once.
   */
  private final Map<Executable, List<String>> known = new ConcurrentHashMap<>();

  @Override
  public List<String> getParameterNames(Constructor<?> constructor) {
    return known.computeIfAbsent(constructor, ParamNames::names);
  }

  @Override
  public List<String> getParameterNames(Method method) {
    return known.computeIfAbsent(method, ParamNames::names);
  }

  private static List<String> names(Executable executable) {
    List<String> names = new ArrayList<>();
    for (Parameter parameter : executable.getParameters()) {
      names.add(name(parameter));
    }
    return List.copyOf(names);
  }

  private static String name(Parameter parameter) {
    for (Annotation annotation : parameter.getAnnotations()) {
      if (annotation instanceof QueryParam query) {
        return query.value();
      }
      if (annotation instanceof PathParam path) {
        return path.value();
      }
      if (annotation instanceof HeaderParam header) {
        return header.value();
      }
    }
    return parameter.getName();
  }
}
