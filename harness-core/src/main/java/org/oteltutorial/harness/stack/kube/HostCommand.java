package org.oteltutorial.harness.stack.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host tool ({@code ip}, {@code iptables-save}, {@code umount}, {@code ctr}) and returns its exit code and output. */
final class HostCommand {

    private static final long TIMEOUT_SECONDS = 60;

    record Result(int exit, String output) {

        boolean ok() {
            return exit == 0;
        }
    }

    private HostCommand() {
    }

    static Result run(List<String> command) {
        return run(command, null);
    }

    /** Runs the command with {@code input} on its stdin, if given. */
    static Result run(List<String> command, String input) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out + "\n(timed out)");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            return new Result(-1, command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, command.get(0) + ": interrupted");
        }
    }
}
