package org.oteltutorial.harness.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Resolves a started {@link MockWebServer} parameter; the server is closed with the test's extension store. */
final class MockWebServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MockWebServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockWebServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        MockWebServer server = new MockWebServer();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start MockWebServer", e);
        }
        context.getStore(NAMESPACE).put(parameter.getParameter(), server);
        return server;
    }
}
