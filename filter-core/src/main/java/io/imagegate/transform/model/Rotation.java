package io.imagegate.transform.model;

/**
 * The {@code rt} parameter. Angles are clockwise and normalised into 0-359, so that {@code rt-N90},
 * {@code rt--90} and {@code rt-270} are one model.
 *
 * @param degrees clockwise angle 0-359, or 0 when {@code auto}
 * @param auto rotate by the EXIF orientation (already applied on decode, so a no-op here)
 */
public record Rotation(int degrees, boolean auto) {

  /** Rejects an angle outside 0-359 or an {@code auto} with an angle. */
  public Rotation {
    if (degrees < 0 || degrees > 359 || (auto && degrees != 0)) {
      throw new IllegalArgumentException("rotation is 0-359 or auto, got " + degrees);
    }
  }

  /** A clockwise rotation by any angle, normalised into 0-359. */
  public static Rotation ofDegrees(int degrees) {
    return new Rotation(Math.floorMod(degrees, 360), false);
  }

  /** Whether the rotation is a multiple of 90°, needing no background fill. */
  public boolean rightAngle() {
    return degrees % 90 == 0;
  }

  /** The canonical text: {@code auto} or the angle. */
  public String token() {
    return auto ? "auto" : Integer.toString(degrees);
  }
}
