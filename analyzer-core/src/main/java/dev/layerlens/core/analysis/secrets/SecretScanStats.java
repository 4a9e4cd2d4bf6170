package dev.layerlens.core.analysis.secrets;

/**
 * What the content scan covered, so a report can say what it did not look at.
 *
 * @param files          regular files whose content was read (every layer, hidden versions included)
 * @param bytes          bytes of content read
 * @param binaryFiles    files skipped as binary
 * @param truncatedFiles files larger than {@code maxFileBytes}, read only that far
 * @param droppedMatches matches beyond the cap on recorded findings
 */
public record SecretScanStats(long files, long bytes, long binaryFiles, long truncatedFiles, int maxFileBytes,
                              long droppedMatches) {
}
