package io.imagegate.demo;

import io.imagegate.testing.SuiteTimeoutContract;

/** jetty-demo's suite runs under the default timeout (see {@link SuiteTimeoutContract}). */
class DemoSuiteTimeoutTest extends SuiteTimeoutContract {}
