package dev.layerlens.core.analysis;

/**
 * Something worth acting on. {@code id} is a stable kebab-case slug grouped by family
 * ({@code waste/…}, {@code secret/…}, {@code config/…}), documented in docs/rules.md.
 *
 * @param layerIndex the layer it is in, or null when it concerns the image as a whole
 * @param path       the path it concerns (with a leading slash), or null
 * @param evidence   what was seen; never a secret in clear
 * @param bytes      the bytes at stake, or null
 */
public record Finding(String id, Severity severity, String title, Integer layerIndex, String path,
                      String evidence, String remedy, Long bytes) {
}
