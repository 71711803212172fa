package io.imagegate.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * Writes a model back as text in one fixed form: keys in the order of {@link Step}'s components,
 * numbers normalised, colours as upper-case hex, overlays last in the layer form. Equal models give
 * equal text, so the text can key the result cache.
 */
final class Canonical {
  private Canonical() {}

  static String steps(List<Step> steps) {
    StringJoiner out = new StringJoiner(":");
    steps.forEach(step -> out.add(step(step)));
    return out.toString();
  }

  static String step(Step step) {
    List<String> params = new ArrayList<>();
    params(step, params);
    return String.join(",", params);
  }

  private static void params(Step s, List<String> out) {
    s.width().ifPresent(d -> out.add("w-" + d.token()));
    s.height().ifPresent(d -> out.add("h-" + d.token()));
    s.aspectRatio().ifPresent(a -> out.add("ar-" + a.token()));
    s.crop().ifPresent(c -> out.add("c-" + c.token()));
    s.cropMode().ifPresent(m -> out.add("cm-" + m.token()));
    s.focus().ifPresent(f -> out.add("fo-" + f.token()));
    add(out, "x-", s.x());
    add(out, "y-", s.y());
    add(out, "xc-", s.xc());
    add(out, "yc-", s.yc());
    s.dpr().ifPresent(d -> out.add("dpr-" + Values.decimalText(d)));
    add(out, "q-", s.quality());
    s.format().ifPresent(f -> out.add("f-" + f.token()));
    s.progressive().ifPresent(b -> out.add("pr-" + b));
    s.lossless().ifPresent(b -> out.add("lo-" + b));
    s.metadata().ifPresent(b -> out.add("md-" + b));
    s.background().ifPresent(c -> out.add("bg-" + c.hex()));
    s.border().ifPresent(b -> out.add("b-" + b.token()));
    s.radius().ifPresent(r -> out.add("r-" + r.token()));
    s.rotation().ifPresent(r -> out.add("rt-" + r.token()));
    add(out, "bl-", s.blur());
    if (s.grayscale()) {
      out.add("e-grayscale");
    }
    add(out, "e-sharpen-", s.sharpen());
    if (s.contrast()) {
      out.add("e-contrast");
    }
    add(out, "t-", s.trim());
    if (s.original()) {
      out.add("orig-true");
    }
    for (Overlay o : s.overlays()) {
      overlay(o, out);
    }
  }

  private static void overlay(Overlay o, List<String> out) {
    out.add("l-image");
    out.add("i-" + OverlayPaths.encode(o.path()));
    o.width().ifPresent(d -> out.add("w-" + d.token()));
    o.height().ifPresent(d -> out.add("h-" + d.token()));
    o.position().ifPresent(f -> out.add("lfo-" + f.token()));
    o.x().ifPresent(v -> out.add("lx-" + offset(v)));
    o.y().ifPresent(v -> out.add("ly-" + offset(v)));
    params(o.transformation(), out);
    out.add("l-end");
  }

  private static void add(List<String> out, String prefix, OptionalInt value) {
    value.ifPresent(v -> out.add(prefix + v));
  }

  private static String offset(int value) {
    return value < 0 ? "N" + -(long) value : Integer.toString(value);
  }
}
