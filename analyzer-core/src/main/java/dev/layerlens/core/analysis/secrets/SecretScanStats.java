package dev.layerlens.core.analysis.secrets;

/**
 * What the content scan covered, so a report can say what it did not look at.
 *
 * @param fileContents   whether file contents were read at all; without it (--no-file-secrets) only
 *                       history, config and file names were audited, and the counts are 0
 * @param files          regular files whose content was read (every layer, hidden versions included)
 * @param bytes          bytes of content read
 * @param binaryFiles    files skipped as binary
 * @param truncatedFiles files larger than {@code maxFileBytes}, read only that far
 * @param droppedMatches matches beyond the cap on recorded findings
 */
public record SecretScanStats(boolean fileContents, long files, long bytes, long binaryFiles, long truncatedFiles,
                              int maxFileBytes, long droppedMatches) {
}
