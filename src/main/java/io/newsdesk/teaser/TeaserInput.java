package io.newsdesk.teaser;

import io.newsdesk.media.ImageInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An editor's override of a teaser; an absent field falls back to what the article gives. */
@Schema(name = "TeaserInput")
public record TeaserInput(
    @Size(max = 300)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @Schema(example = "Harbour shut as storm rolls on", maxLength = 300)
        String title,
    @Size(max = 1000)
        @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
        @Schema(example = "Ferries stay in port for a second day.", maxLength = 1000)
        String excerpt,
    @Valid ImageInput image) {}
