package io.newsdesk.article;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.newsdesk.text.Block;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A rendered body. {@code markdown} is the editor's source and appears in management responses
 * only.
 */
@Schema(name = "Body")
public record Body(
    @Schema(description = "The Markdown source (management responses, Markdown bodies only)")
        String markdown,
    @Schema(
            description = "Sanitized HTML",
            example = "<h2>Ferries cancelled</h2><p>All crossings…</p>")
        String html,
    @Schema(
            description = "Plain text, one line per paragraph",
            example = "Ferries cancelled\nAll crossings…")
        String text,
    @Schema(
            description =
                "The body as data for native apps (delivery and previews): the blocks of html,"
                    + " which render back to the same document",
            type = SchemaType.ARRAY,
            implementation = Block.class)
        @JsonRawValue
        String blocks) {}
