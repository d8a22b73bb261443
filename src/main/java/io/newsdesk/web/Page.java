package io.newsdesk.web;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The one envelope of every list: items and where the page stands. */
@Schema(description = "A page of items")
public record Page<T>(List<T> items, PageInfo page) {}
