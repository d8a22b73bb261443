package io.newsdesk.text;

/** A body as readers get it: sanitized HTML, plain text and its word count. */
public record RenderedBody(String html, String text, int wordCount) {}
