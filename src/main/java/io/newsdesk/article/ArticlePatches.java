package io.newsdesk.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsdesk.web.MergePatch;
import io.newsdesk.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Turns a JSON document into the ArticleInput an editor means, with the same strictness and
 * validation as a PUT body: a merge patch applied to the article's current content, or the content
 * of a revision.
 */
@ApplicationScoped
public class ArticlePatches {

  private final ObjectMapper json;
  private final Validator validator;

  ArticlePatches(ObjectMapper json, Validator validator) {
    this.json = json;
    this.validator = validator;
  }

  public ArticleInput merge(ArticleInput current, JsonNode patch) throws JsonProcessingException {
    if (patch == null || !patch.isObject()) {
      throw ProblemException.invalid("body", "must be a JSON object (a merge patch)");
    }
    return valid(MergePatch.apply(json.valueToTree(current), patch));
  }

  /** Reads and validates {@code document} as an ArticleInput; unknown fields are a 400. */
  public ArticleInput valid(JsonNode document) throws JsonProcessingException {
    ArticleInput input = json.treeToValue(document, ArticleInput.class);
    Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return input;
  }
}
