package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kernel setting under {@code /proc/sys}, e.g. {@code kernel/panic}. */
final class Sysctl {

    private Sysctl() {
    }

    /** The value; read to the end of the stream, since procfs reports a size of 0 and {@code Files.readString} stops early. */
    static String read(String name) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("/proc/sys", name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    static void write(String name, String value) throws IOException {
        Files.writeString(Path.of("/proc/sys", name), value);
    }
}
