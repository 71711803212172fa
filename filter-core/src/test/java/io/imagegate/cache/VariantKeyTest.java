package io.imagegate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagegate.cache.VariantKey.SourceId;
import io.imagegate.source.ImageFormat;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys are equal exactly when every component is, whether or not they share objects. */
class VariantKeyTest {
  private static VariantKey key(
      String path,
      long size,
      long mtime,
      String transformation,
      ImageFormat format,
      String... overlays) {
    return new VariantKey(
        new SourceId(Path.of(path), size, mtime),
        transformation,
        format,
        java.util.Arrays.stream(overlays).map(o -> new SourceId(Path.of(o), 1, 1)).toList());
  }

  @Test
  void equalComponents_inDistinctObjects_makeEqualKeys() {
    VariantKey a =
        key("/img/a.jpg", 10, 20, new String("w-300"), ImageFormat.JPEG, "/img/logo.png");
    VariantKey b =
        key("/img/a.jpg", 10, 20, new String("w-300"), ImageFormat.JPEG, "/img/logo.png");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.etag()).isEqualTo(b.etag());
  }

  @Test
  void anyDifferentComponent_makesAnotherKey() {
    VariantKey base = key("/img/a.jpg", 10, 20, "w-300", ImageFormat.JPEG);
    assertThat(
            List.of(
                key("/img/b.jpg", 10, 20, "w-300", ImageFormat.JPEG),
                key("/img/a.jpg", 11, 20, "w-300", ImageFormat.JPEG),
                key("/img/a.jpg", 10, 21, "w-300", ImageFormat.JPEG),
                key("/img/a.jpg", 10, 20, "w-301", ImageFormat.JPEG),
                key("/img/a.jpg", 10, 20, "w-300", ImageFormat.WEBP),
                key("/img/a.jpg", 10, 20, "w-300", ImageFormat.JPEG, "/img/logo.png")))
        .allSatisfy(
            other -> {
              assertThat(other).isNotEqualTo(base);
              assertThat(other.etag()).isNotEqualTo(base.etag());
            });
    assertThat(base).isNotEqualTo(null).isNotEqualTo("w-300");
  }
}
