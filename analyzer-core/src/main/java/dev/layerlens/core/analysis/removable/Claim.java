package dev.layerlens.core.analysis.removable;

/**
 * Why a file is removable: its category, the directory findings group it under (null when the
 * category groups by package instead), and a detail (a package name) for the evidence.
 */
record Claim(RemovableCategory category, String root, String detail) {
}
