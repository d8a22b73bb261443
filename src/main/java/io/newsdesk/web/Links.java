package io.newsdesk.web;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * RFC 8288 {@code Link} headers for a page's neighbours and {@code Location} headers, as
 * path-absolute references (RFC 3986 4.2) that a client resolves against the URL it asked: never
 * built from the request's {@code Host} or forwarded headers, which a client controls and a cache
 * would otherwise hand to every later reader.
 */
public final class Links {

  private Links() {}

  /** A 201 whose {@code Location} is {@code path} as given, not resolved against the request. */
  public static <T> RestResponse.ResponseBuilder<T> created(String path) {
    return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED)
        .header("Location", path);
  }

  /** Ok response for a page, with {@code next}/{@code prev} links in whichever mode the page is. */
  public static <T> RestResponse<Page<T>> page(Page<T> page, UriInfo uri) {
    RestResponse.ResponseBuilder<Page<T>> ok = RestResponse.ResponseBuilder.ok(page);
    String links = header(page, uri);
    if (links != null) {
      ok.header("Link", links);
    }
    return ok.build();
  }

  /** The {@code Link} header value for a page's neighbours, or null if it has none. */
  public static String header(Page<?> page, UriInfo uri) {
    return header(page, uri, "cursor");
  }

  /** As {@link #header(Page, UriInfo)}, for a list whose cursor parameter has another name. */
  public static String header(Page<?> page, UriInfo uri, String cursorParam) {
    List<String> links = new ArrayList<>();
    PageInfo info = page.page();
    String param = info.number() != null ? "page" : cursorParam;
    if (info.next() != null) {
      links.add(link(uri, param, info.next(), "next"));
    }
    if (info.prev() != null) {
      links.add(link(uri, param, info.prev(), "prev"));
    }
    return links.isEmpty() ? null : String.join(", ", links);
  }

  private static String link(UriInfo uri, String param, String value, String rel) {
    URI target = uri.getRequestUriBuilder().replaceQueryParam(param, value).build();
    String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
    return "<" + target.getRawPath() + query + ">; rel=\"" + rel + "\"";
  }
}
