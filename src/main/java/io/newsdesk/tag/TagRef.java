package io.newsdesk.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tag as articles and teasers show it; its articles are /api/v1/feed?tag={slug}. */
@Schema(name = "TagRef")
public record TagRef(
    @Schema(example = "transport") String slug,
    @Schema(
            description = "The editors' name for it; the slug until they give one",
            example = "Transport")
        String name) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<TagRef>> LIST = new TypeReference<>() {};

  /**
   * The SQL expression that makes the refs of the tags of a row of {@code alias}, in order; the
   * column {@code alias.tags} holds their slugs.
   */
  public static String refsOf(String alias) {
    return "coalesce((select jsonb_agg(jsonb_build_object('slug', u.slug, 'name',"
        + " coalesce(g.name, u.slug)) order by u.n) from unnest("
        + alias
        + ".tags) with ordinality as u(slug, n) left join tag g on g.slug = u.slug), '[]')";
  }

  /** The refs in {@code json}, as stored by {@link #refsOf}. */
  public static List<TagRef> parse(String json) {
    if (json == null || json.equals("[]")) {
      return List.of();
    }
    try {
      return JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tag_cards holds what SQL wrote: " + e.getMessage(), e);
    }
  }
}
