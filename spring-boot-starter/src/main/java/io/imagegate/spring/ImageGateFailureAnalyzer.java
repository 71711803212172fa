package io.imagegate.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad {@code imagegate.*} property into Boot's "APPLICATION FAILED TO START" report. */
public final class ImageGateFailureAnalyzer
    extends AbstractFailureAnalyzer<ImageGatePropertyException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ImageGatePropertyException cause) {
    return new FailureAnalysis(
        "Invalid imagegate configuration: " + cause.getMessage(),
        "Correct or remove the property '"
            + cause.property()
            + "' (the README's configuration table lists every key; under Spring Boot each is"
            + " prefixed with 'imagegate.').",
        cause);
  }
}
