package io.newsdesk.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a page stands. Cursor mode gives {@code next}/{@code prev} cursors; number mode gives
 * {@code number}, {@code totalItems} and {@code totalPages}, and {@code next}/{@code prev} as the
 * neighbouring page numbers. Either way a client passes {@code next} back as it is: as {@code
 * cursor} in cursor mode, as {@code page} in number mode.
 */
@Schema(
    description =
        "Position of a page: cursors in cursor mode, page number and totals in number mode")
public record PageInfo(
    @Schema(example = "20") int limit,
    @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(
            description =
                "The next (older) page: its cursor in cursor mode, its number (as a string, to"
                    + " pass as page) in number mode; null on the last page",
            nullable = true,
            example = "AQAABh8uNX4gAH1v...")
        String next,
    @JsonInclude(JsonInclude.Include.ALWAYS)
        @Schema(
            description =
                "The previous (newer) page: its cursor, or its number in number mode; null on"
                    + " the first page",
            nullable = true)
        String prev,
    @Schema(description = "Page number (number mode only)", example = "1") Integer number,
    @Schema(description = "Number of items in all pages (number mode only)", example = "1234")
        Long totalItems,
    @Schema(description = "Number of pages (number mode only)", example = "62")
        Integer totalPages) {

  public static PageInfo cursors(int limit, String next, String prev) {
    return new PageInfo(limit, next, prev, null, null, null);
  }

  public static PageInfo numbered(int limit, int number, long totalItems) {
    int totalPages = (int) ((totalItems + limit - 1) / limit);
    String next = number < totalPages ? String.valueOf(number + 1) : null;
    String prev =
        number > 1 && totalPages > 0 ? String.valueOf(Math.min(number - 1, totalPages)) : null;
    return new PageInfo(limit, next, prev, number, totalItems, totalPages);
  }
}
