package io.newsdesk.web;

/** One invalid field of a request, named by its JSON name or its query parameter. */
public record FieldError(String field, String message) {}
