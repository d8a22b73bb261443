package io.newsdesk.teaser;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A teaser as editors see it: what readers get, and the override it was built with. */
@Schema(name = "TeaserSettings")
public record TeaserSettings(
    @Schema(description = "The teaser readers get once the article is published")
        TeaserView effective,
    @Schema(description = "The editor's override; absent fields come from the article")
        TeaserInput override) {}
