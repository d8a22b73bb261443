package io.newsdesk.article;

import io.newsdesk.media.ImageInput;
import io.newsdesk.text.BodyFormat;
import io.newsdesk.text.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as an editor writes it (POST and PUT). Everything else is set by the server. */
@Schema(name = "ArticleInput")
public record ArticleInput(
    @NotBlank
        @Size(max = 300)
        @Schema(example = "Storm closes the harbour for a second day", maxLength = 300)
        String title,
    @Size(max = 1000)
        @Schema(
            description = "The standfirst",
            example = "Ferries stay in port as gusts reach 120 km/h",
            maxLength = 1000)
        String subtitle,
    @Size(max = 120)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(
            description = "Generated from the title on create when absent; kept on PUT when absent",
            example = "storm-closes-harbour",
            maxLength = 120)
        String slug,
    @NotBlank
        @Size(max = 100)
        @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
        @Schema(description = "Slug of an existing category", example = "world")
        String category,
    @Size(max = 50) @Schema(example = "[\"weather\", \"transport\"]")
        List<
                @NotBlank @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
                String>
            tags,
    @Size(max = 20) @Schema(example = "[\"Ana Lima\"]")
        List<@NotBlank @Size(max = 200) String> byline,
    @Size(max = 20)
        @Schema(
            description =
                "Slugs of authors with a profile, in the order they are credited. Absent on create:"
                    + " the author the token acts for, if any",
            example = "[\"ana-lima\"]")
        List<
                @NotBlank @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE)
                String>
            authors,
    @Size(max = 500_000)
        @Schema(
            description =
                "Markdown (CommonMark, with tables and strikethrough) or HTML, per bodyFormat",
            example = "## Ferries cancelled\n\nAll crossings are off until Thursday.")
        String body,
    @Schema(description = "Default markdown", defaultValue = "markdown") BodyFormat bodyFormat,
    @Valid ImageInput image,
    @Valid Seo seo,
    @Size(max = 200)
        @Pattern(regexp = EXTERNAL_ID, message = EXTERNAL_ID_MESSAGE)
        @Schema(description = "Your own unique id, for imports", example = "wire-2026-11-27-0042")
        String externalId) {

  /** What an external id may be, in the body and in the paths that name one. */
  public static final String EXTERNAL_ID = "^[\\x21-\\x7e]+$";

  public static final String EXTERNAL_ID_MESSAGE = "must be printable ASCII without spaces";

  public ArticleInput withExternalId(String id) {
    return new ArticleInput(
        title, subtitle, slug, category, tags, byline, authors, body, bodyFormat, image, seo, id);
  }

  ArticleInput withSlug(String newSlug) {
    return new ArticleInput(
        title,
        subtitle,
        newSlug,
        category,
        tags,
        byline,
        authors,
        body,
        bodyFormat,
        image,
        seo,
        externalId);
  }

  public ArticleInput withAuthors(List<String> credited) {
    return new ArticleInput(
        title,
        subtitle,
        slug,
        category,
        tags,
        byline,
        credited,
        body,
        bodyFormat,
        image,
        seo,
        externalId);
  }

  /** Whether writing this would leave an article that now says {@code current} unchanged. */
  boolean sameContentAs(ArticleInput current) {
    return title.strip().equals(current.title)
        && java.util.Objects.equals(blankToNull(subtitle), current.subtitle)
        && java.util.Objects.equals(slug, current.slug)
        && category.equals(current.category)
        && tagsOrEmpty().stream().distinct().toList().equals(current.tagsOrEmpty())
        && bylineOrEmpty().equals(current.bylineOrEmpty())
        && authorsOrEmpty().equals(current.authorsOrEmpty())
        && bodyOrEmpty().equals(current.bodyOrEmpty())
        && formatOrDefault() == current.formatOrDefault()
        && java.util.Objects.equals(image, current.image)
        && java.util.Objects.equals(seo, current.seo)
        && java.util.Objects.equals(externalId, current.externalId);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  List<String> tagsOrEmpty() {
    return tags == null ? List.of() : tags;
  }

  List<String> bylineOrEmpty() {
    return byline == null ? List.of() : byline.stream().map(String::strip).toList();
  }

  List<String> authorsOrEmpty() {
    return authors == null ? List.of() : authors.stream().distinct().toList();
  }

  String bodyOrEmpty() {
    return body == null ? "" : body;
  }

  BodyFormat formatOrDefault() {
    return bodyFormat == null ? BodyFormat.markdown : bodyFormat;
  }
}
