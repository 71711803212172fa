package io.imagegate.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two forms of an explanation: text a line per fact, and one JSON object a parser reads. */
class ExplanationFormatTest {
  static Explanation sample() {
    return new Explanation(
        "/img/a.jpg?tr=w-1\"x&ik-s=ab",
        "/img",
        true,
        Optional.of("a.jpg"),
        Optional.empty(),
        Optional.of("a.jpg?tr=w-1\\u0001x9999999999"),
        true,
        List.of(
            new Explanation.KeyCheck(0, "key", "HmacSHA1", false, Optional.empty()),
            new Explanation.KeyCheck(
                2, "key-scope.acme.key", "HmacSHA1", true, Optional.of("[/acme/**]"))),
        Optional.empty(),
        "none: the URL does not expire",
        List.of("public: no rule\nnewline"),
        new Explanation.TransformationView(
            Optional.of("w-1\"x"), Optional.empty(), Optional.empty(), Optional.of("bad \\ value")),
        400,
        "bad_transformation",
        "tab\there",
        List.of());
  }

  @Test
  void json_isOneObjectThatAParserReads() {
    JsonObject json = JsonParser.parseString(sample().toJson()).getAsJsonObject();
    assertThat(json.get("url").getAsString()).isEqualTo("/img/a.jpg?tr=w-1\"x&ik-s=ab");
    assertThat(json.get("handled").getAsBoolean()).isTrue();
    assertThat(json.get("resolvedPath").isJsonNull()).isTrue();
    assertThat(json.getAsJsonArray("keys")).hasSize(2);
    JsonObject scoped = json.getAsJsonArray("keys").get(1).getAsJsonObject();
    assertThat(scoped.get("index").getAsInt()).isEqualTo(2);
    assertThat(scoped.get("matches").getAsBoolean()).isTrue();
    assertThat(scoped.get("scope").getAsString()).isEqualTo("[/acme/**]");
    assertThat(json.getAsJsonArray("policy").get(0).getAsString())
        .isEqualTo("public: no rule\nnewline");
    assertThat(json.getAsJsonObject("transformation").get("error").getAsString())
        .isEqualTo("bad \\ value");
    assertThat(json.get("status").getAsInt()).isEqualTo(400);
    assertThat(json.get("message").getAsString()).isEqualTo("tab\there");
    assertThat(json.getAsJsonArray("diagnoses")).isEmpty();
  }

  @Test
  void text_saysEachFactOnItsOwnLabelledLine() {
    String text = sample().toText();
    assertThat(text)
        .contains("url:")
        .contains("key #0")
        .contains("key #2")
        .contains("key-scope.acme.key HmacSHA1: MATCHES (scope [/acme/**])")
        .contains("parse error:")
        .contains("verdict:        400 bad_transformation: tab\there");
  }
}
