package io.imagegate.transform.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading and resetting the Orientation tag in raw EXIF, including malformed structures. */
class ExifOrientationTest {
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void read_findsOrientationInLittleAndBigEndian(int orientation) {
    assertThat(ExifOrientation.read(CodecFixtures.exifOrientation(orientation)))
        .isEqualTo(orientation);
    assertThat(ExifOrientation.read(CodecFixtures.exifWithGps(orientation))).isEqualTo(orientation);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 9, 255, 65535})
  void read_treatsOutOfRangeValuesAsUpright(int value) {
    assertThat(ExifOrientation.read(CodecFixtures.exifOrientation(value))).isEqualTo(1);
  }

  @Test
  void read_treatsMalformedStructuresAsUpright() {
    byte[] valid = CodecFixtures.exifOrientation(6);
    byte[] badOffset = valid.clone();
    badOffset[4] = (byte) 0xF0; // IFD0 beyond the end
    byte[] hugeCount = valid.clone(); // 65535 entries claimed, one present and not the orientation
    hugeCount[8] = (byte) 0xFF;
    hugeCount[9] = (byte) 0xFF;
    hugeCount[10] = 0x00;
    hugeCount[11] = 0x01;
    byte[] wrongType = valid.clone();
    wrongType[12] = 4; // LONG instead of SHORT

    assertThat(ExifOrientation.read(null)).isEqualTo(1);
    assertThat(ExifOrientation.read(new byte[3])).isEqualTo(1);
    assertThat(ExifOrientation.read(badOffset)).isEqualTo(1);
    assertThat(ExifOrientation.read(hugeCount)).isEqualTo(1);
    assertThat(ExifOrientation.read(wrongType)).isEqualTo(1);
    assertThat(ExifOrientation.read(Arrays.copyOf(valid, 20))).isEqualTo(1);
  }

  @Test
  void resetToUpright_setsOneAndLeavesTheRestAndTheInput() {
    byte[] exif = CodecFixtures.exifWithGps(8);

    byte[] reset = ExifOrientation.resetToUpright(exif);

    assertThat(ExifOrientation.read(reset)).isEqualTo(1);
    assertThat(ExifOrientation.read(exif)).as("input untouched").isEqualTo(8);
    int changed = 0;
    for (int i = 0; i < exif.length; i++) {
      changed += exif[i] != reset[i] ? 1 : 0;
    }
    assertThat(changed).isEqualTo(1); // big-endian 0x0008 -> 0x0001: one byte
    assertThat(ExifOrientation.resetToUpright(null)).isNull();
  }
}
