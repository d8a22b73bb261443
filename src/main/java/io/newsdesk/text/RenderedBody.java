package io.newsdesk.text;

/**
 * A body as readers get it: sanitized HTML, plain text and its word count, the lead (the prose a
 * teaser's excerpt is cut from) and the blocks as JSON.
 */
public record RenderedBody(String html, String text, int wordCount, String lead, String blocks) {}
