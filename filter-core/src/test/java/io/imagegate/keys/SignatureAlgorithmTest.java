package io.imagegate.keys;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.Mac;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The verifier skips an algorithm by the length of the given signature: the lengths must hold. */
class SignatureAlgorithmTest {
  @ParameterizedTest
  @EnumSource(SignatureAlgorithm.class)
  void hexLength_isTwiceTheMacLength(SignatureAlgorithm algorithm) throws Exception {
    assertThat(algorithm.hexLength())
        .isEqualTo(2 * Mac.getInstance(algorithm.jcaName()).getMacLength());
    assertThat(SigningKey.of("k".repeat(40)).sign(algorithm, "any message"))
        .hasSize(algorithm.hexLength());
  }
}
