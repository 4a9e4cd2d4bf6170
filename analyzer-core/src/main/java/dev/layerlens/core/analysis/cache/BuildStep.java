package dev.layerlens.core.analysis.cache;

/** A step of the own build that matters to the cache: a copy, or a dependency install. */
sealed interface BuildStep permits CopyStep, CopyOrder.Install {
    int layer();
}
