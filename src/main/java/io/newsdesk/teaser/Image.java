package io.newsdesk.teaser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A picture with its alternative text and caption. Only http(s) or site-relative URLs are accepted.
 */
@Schema(name = "Image")
public record Image(
    @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = URL, message = URL_MESSAGE)
        @Schema(example = "https://images.example.com/storm.jpg", maxLength = 2000)
        String url,
    @Size(max = 500) @Schema(example = "Waves breaking over the harbour wall", maxLength = 500)
        String alt,
    @Size(max = 1000) @Schema(example = "The harbour at dawn on Tuesday.", maxLength = 1000)
        String caption) {

  /** Absolute http(s) URLs or paths on the site; never javascript:, data: or other schemes. */
  public static final String URL = "^(https?://[^\\s]+|/[^/\\s][^\\s]*)$";

  public static final String URL_MESSAGE = "must be an http(s) URL or a path starting with /";

  public static Image of(String url, String alt, String caption) {
    return url == null ? null : new Image(url, alt, caption);
  }
}
