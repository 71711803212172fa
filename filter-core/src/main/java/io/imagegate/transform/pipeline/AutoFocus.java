package io.imagegate.transform.pipeline;

import io.imagegate.transform.geometry.Rect;
import io.imagegate.transform.geometry.ResizePlan;
import io.imagegate.transform.model.Step;
import io.imagegate.transform.ops.Region;
import io.imagegate.transform.ops.Resample;
import io.imagegate.transform.ops.Saliency;
import java.awt.image.BufferedImage;

/**
 * {@code fo-auto}: moves a plan's crop, keeping its size, onto the image's subject.
 *
 * <p>Each axis on which the crop is shorter than the (scaled) image is placed on its own: {@link
 * Focus#auto} is asked for a window as long as the crop on that axis and spanning the whole image
 * on the other, so it chooses exactly the crop's position along that axis. For a cover crop ({@code
 * c-maintain_ratio}) only one axis is free; {@code cm-extract} can have two. An axis fixed by
 * {@code x}/{@code xc} ({@code y}/{@code yc}) never moves. The search runs on a copy of at most
 * {@value #ANALYSIS_SIZE} px on the long side: its cost grows with the pixels, and a subject is
 * still a subject at that size.
 */
final class AutoFocus {
  /** Long side of the copy the subject is searched on. */
  static final int ANALYSIS_SIZE = 400;

  private AutoFocus() {}

  /** The crop moved onto the subject, in the plan's scaled coordinates. */
  static Rect place(BufferedImage image, ResizePlan plan, Step step) {
    Rect crop = plan.crop();
    int scaledW = plan.scaledWidth();
    int scaledH = plan.scaledHeight();
    boolean moveX = crop.width() < scaledW && step.x().isEmpty() && step.xc().isEmpty();
    boolean moveY = crop.height() < scaledH && step.y().isEmpty() && step.yc().isEmpty();
    if (!moveX && !moveY) {
      return crop;
    }
    BufferedImage small = analysisCopy(image);
    int smallW = small.getWidth();
    int smallH = small.getHeight();
    int x = crop.x();
    int y = crop.y();
    if (moveX) {
      int length = shrink(crop.width(), smallW, scaledW);
      Region window = Saliency.auto(small, length, smallH);
      x = start(window.x(), smallW, crop.width(), scaledW);
    }
    if (moveY) {
      int length = shrink(crop.height(), smallH, scaledH);
      Region window = Saliency.auto(small, smallW, length);
      y = start(window.y(), smallH, crop.height(), scaledH);
    }
    return new Rect(x, y, crop.width(), crop.height());
  }

  /** A length in scaled pixels as a length on the analysis copy. */
  private static int shrink(int length, int small, int scaled) {
    return (int) Math.max(1, Math.min(small, Math.round((double) length * small / scaled)));
  }

  /** A window's start on the analysis copy as a crop start in scaled pixels, inside the image. */
  private static int start(int smallStart, int small, int length, int scaled) {
    long start = Math.round((double) smallStart * scaled / small);
    return (int) Math.max(0, Math.min(scaled - length, start));
  }

  private static BufferedImage analysisCopy(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int longSide = Math.max(w, h);
    if (longSide <= ANALYSIS_SIZE) {
      return image;
    }
    double k = (double) ANALYSIS_SIZE / longSide;
    return Resample.resize(
        image, Math.max(1, (int) Math.round(w * k)), Math.max(1, (int) Math.round(h * k)));
  }
}
