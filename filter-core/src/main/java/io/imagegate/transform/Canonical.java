package io.imagegate.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    expression(out, "w", s.expressions());
    s.height().ifPresent(d -> out.add("h-" + d.token()));
    expression(out, "h", s.expressions());
    s.aspectRatio().ifPresent(a -> out.add("ar-" + a.token()));
    s.crop().ifPresent(c -> out.add("c-" + c.token()));
    s.cropMode().ifPresent(m -> out.add("cm-" + m.token()));
    s.focus().ifPresent(f -> out.add("fo-" + f.token()));
    add(out, "x-", s.x());
    expression(out, "x", s.expressions());
    add(out, "y-", s.y());
    expression(out, "y", s.expressions());
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
    s.trim().ifPresent(t -> out.add(t == Step.NO_TRIM ? "t-false" : "t-" + t));
    if (s.original()) {
      out.add("orig-true");
    }
    for (Overlay o : s.overlays()) {
      overlay(o, out);
    }
  }

  private static void overlay(Overlay o, List<String> out) {
    if (o.text().isPresent()) {
      text(o.text().get(), out);
    } else {
      out.add("l-image");
      out.add("i-" + OverlayPaths.encode(o.path()));
    }
    o.width().ifPresent(d -> out.add("w-" + d.token()));
    expression(out, "w", o.expressions());
    o.height().ifPresent(d -> out.add("h-" + d.token()));
    expression(out, "h", o.expressions());
    o.position().ifPresent(f -> out.add("lfo-" + f.token()));
    o.x().ifPresent(v -> out.add("lx-" + offset(v)));
    expression(out, "lx", o.expressions());
    o.y().ifPresent(v -> out.add("ly-" + offset(v)));
    expression(out, "ly", o.expressions());
    o.opacity().ifPresent(v -> out.add("o-" + v));
    params(o.transformation(), out);
    out.add("l-end");
  }

  private static void text(TextLayer t, List<String> out) {
    out.add("l-text");
    out.add("ie-" + TextParamReader.encodeBase64(t.text()));
    add(out, "fs-", t.fontSize());
    expression(out, "fs", t.expressions());
    t.font()
        .ifPresent(f -> out.add("ff-" + (t.fontFile().isPresent() ? OverlayPaths.encode(f) : f)));
    t.color().ifPresent(c -> out.add("co-" + c.hex()));
    t.padding().ifPresent(p -> out.add("pa-" + p.token()));
    expression(out, "pa", t.expressions());
    t.align().ifPresent(a -> out.add("ia-" + a));
    if (t.bold() || t.italic()) {
      out.add("tg-" + (t.bold() && t.italic() ? "b_i" : t.bold() ? "b" : "i"));
    }
    add(out, "w-", t.width());
    expression(out, "w", t.expressions());
  }

  private static void expression(List<String> out, String key, Map<String, Arithmetic> all) {
    Arithmetic e = all.get(key);
    if (e != null) {
      out.add(key + "-" + e.token());
    }
  }

  private static void add(List<String> out, String prefix, OptionalInt value) {
    value.ifPresent(v -> out.add(prefix + v));
  }

  private static String offset(int value) {
    return value < 0 ? "N" + -(long) value : Integer.toString(value);
  }
}
