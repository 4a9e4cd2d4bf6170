package dev.layerlens.cli.it;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands every integration test the one {@link ItContext} of this run, kept in the root store so
 * that all test classes share it. It is made before each test: a missing Docker piece aborts
 * there, which skips the test (or fails it when required) and shows in the skipped count, rather
 * than surfacing as a parameter resolution error.
 */
final class ItEnvironment implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ItEnvironment.class);

    @Override
    public void beforeEach(ExtensionContext extension) {
        context(extension);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ItContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return context(extension);
    }

    private static ItContext context(ExtensionContext extension) {
        return extension.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ItContext.class, k -> ItContext.create(),
                ItContext.class);
    }
}
