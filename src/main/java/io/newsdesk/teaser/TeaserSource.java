package io.newsdesk.teaser;

import io.newsdesk.media.ImageInput;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a teaser is derived from: the article's current state. {@code publishedAt} is null unless
 * the article is published (or scheduled, with a future time).
 */
public record TeaserSource(
    UUID articleId,
    String slug,
    String title,
    String subtitle,
    String bodyLead,
    ImageInput image,
    long categoryId,
    String categorySlug,
    String categoryName,
    List<String> tags,
    List<String> authors,
    int readingTimeMinutes,
    Instant publishedAt) {}
