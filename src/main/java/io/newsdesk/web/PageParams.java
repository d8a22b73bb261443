package io.newsdesk.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code page} and {@code limit} of a list in page-number mode, as API.md sets them for every list:
 * pages from 1, limit 1..100, 20 by default. Resources take it as {@code @Valid @BeanParam}.
 */
public class PageParams {

  @QueryParam("page")
  @DefaultValue("1")
  @Min(value = 1, message = "must be between 1 and 100000")
  @Max(value = 100_000, message = "must be between 1 and 100000")
  @Parameter(description = "Page number, from 1")
  Integer page;

  @QueryParam("limit")
  @DefaultValue("20")
  @Min(value = 1, message = "must be between 1 and 100")
  @Max(value = 100, message = "must be between 1 and 100")
  @Parameter(description = "Items per page")
  Integer limit;

  public int page() {
    return page;
  }

  public int limit() {
    return limit;
  }
}
