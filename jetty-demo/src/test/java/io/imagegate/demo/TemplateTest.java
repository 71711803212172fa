package io.imagegate.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates escape text, insert markup only when it is {@link Html}, and refuse missing values. */
class TemplateTest {

  @Test
  void render_escapesStringsButNotHtml() {
    Html out = Template.load("original.html").render(Map.of("href", "/a?x=1&y=\"2\"<'3'>"));
    assertThat(out.markup()).contains("href=\"/a?x=1&amp;y=&quot;2&quot;&lt;&#39;3&#39;&gt;\"");
    Html card = Template.load("credits.html").render(Map.of("credits", new Html("<em>ok</em>")));
    assertThat(card.markup()).contains("<em>ok</em>");
  }

  @Test
  void render_refusesMissingOrUnknownValues() {
    Template template = Template.load("original.html");
    assertThatThrownBy(() -> template.render(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("href");
    assertThatThrownBy(() -> template.render(Map.of("href", "x", "extra", "y")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void title_comesFromTheFileName() {
    assertThat(Photo.title("fig-on-red-plate.jpg")).isEqualTo("Fig on red plate");
    assertThat(Photo.title("red_wine.png")).isEqualTo("Red wine");
    assertThat(Photo.title(".jpg")).isEqualTo(".jpg");
    assertThat(Photo.title("noext")).isEqualTo("Noext");
  }

  @Test
  void tamper_changesExactlyOneCharacterOfTheTransformation() {
    String signed = "/img/gallery/w-3.jpg?tr=w-300,h-300&ik-s=abc";
    TamperProbe.Tampered t = TamperProbe.tamper(signed).orElseThrow();
    assertThat(t.url()).isEqualTo("/img/gallery/w-3.jpg?tr=w-400,h-300&ik-s=abc");
    assertThat(t.url().charAt(t.index())).isEqualTo('4');
    assertThat(TamperProbe.tamper("/img/a.jpg?ik-s=abc")).isEmpty();
  }
}
