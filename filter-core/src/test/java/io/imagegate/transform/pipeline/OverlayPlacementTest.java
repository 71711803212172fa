package io.imagegate.transform.pipeline;

import static io.imagegate.transform.pipeline.Pictures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.transform.model.Overlay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a 60x30 overlay lands on a 300x200 base. */
class OverlayPlacementTest {

  private static OverlayPlacement place(String params, double scale) {
    Overlay overlay = step("oi-logo.png" + params).overlays().get(0);
    return OverlayPlacement.of(overlay, 300, 200, 60, 30, scale);
  }

  @ParameterizedTest(name = "oi-logo.png{0} -> {1},{2}")
  @CsvSource({
    "'', 120, 85",
    "',ofo-center', 120, 85",
    "',ofo-top', 120, 0",
    "',ofo-bottom', 120, 170",
    "',ofo-left', 0, 85",
    "',ofo-right', 240, 85",
    "',ofo-top_left', 0, 0",
    "',ofo-top_right', 240, 0",
    "',ofo-bottom_left', 0, 170",
    "',ofo-bottom_right', 240, 170",
    "',ox-10,oy-20', 10, 20",
    "',ox-0,oy-0', 0, 0",
    "',ox-N10', 230, 85",
    "',oy-N5', 120, 165",
    "',ox-N10,oy-N5', 230, 165",
    "',ofo-bottom_right,ox-10', 10, 170",
    "',ofo-top_left,oy-N5', 0, 165",
    "',ox-280', 280, 85",
    "',ox-999999999,oy-N999999999', 300, -30"
  })
  void position_perAxis(String params, int x, int y) {
    assertThat(place(params, 1)).isEqualTo(new OverlayPlacement(x, y));
  }

  @ParameterizedTest(name = "oi-logo.png{0} at scale 2 -> {1},{2}")
  @CsvSource({
    "',ox-10,oy-20', 20, 40",
    "',ox-N10,oy-N5', 220, 160",
    "',ofo-bottom_right', 240, 170"
  })
  void offsets_scaleWithDpr(String params, int x, int y) {
    assertThat(place(params, 2)).isEqualTo(new OverlayPlacement(x, y));
  }
}
