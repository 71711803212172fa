package io.imagegate;

import io.imagegate.testing.SuiteTimeoutContract;

/** filter-core's suite runs under the default timeout (see {@link SuiteTimeoutContract}). */
class SuiteTimeoutTest extends SuiteTimeoutContract {}
