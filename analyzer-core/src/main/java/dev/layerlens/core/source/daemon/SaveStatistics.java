package dev.layerlens.core.source.daemon;

/**
 * How a daemon's save stream was read.
 *
 * @param streamed layers handed to the scanner while their bytes passed
 * @param kept     layers kept aside (memory or a temporary file) until the stream said which they were
 */
public record SaveStatistics(int streamed, int kept) {
}
