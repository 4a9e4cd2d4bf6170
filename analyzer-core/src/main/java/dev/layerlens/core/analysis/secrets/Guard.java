package dev.layerlens.core.analysis.secrets;

/**
 * A cheap test of the text right after a keyword, made before any regular expression runs: one
 * of {@code anyOf} must occur within {@code within} characters, on the same line (and, when
 * {@code stopAtSpace}, before any whitespace). A URL without an {@code @} in its authority cannot
 * carry a password; "token" not followed by {@code =} or {@code :} is not an assignment. Most
 * keyword hits in real files fail this test, which is what keeps the scan fast.
 */
record Guard(String anyOf, int within, boolean stopAtSpace) {
}
