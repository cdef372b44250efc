package org.oteltutorial.harness.stack.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.awaitility.core.ConditionTimeoutException;
import org.oteltutorial.harness.stack.StackStartException;

/** Waits until a process answers 200 on its readiness URL; fails at once, quoting its output, if it exits first. */
final class Readiness {

    private static final int LOG_LINES = 15;

    private final OkHttpClient http;

    Readiness(OkHttpClient http) {
        this.http = http;
    }

    void waitUntilReady(ManagedProcess process, URI url, Duration timeout) {
        AtomicReference<String> last = new AtomicReference<>("no answer yet");
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                if (!process.isAlive()) {
                    throw new StackStartException(process.name() + " exited with code " + process.exitValue()
                            + " before it was ready; its output ends with:\n" + process.logTail(LOG_LINES)
                            + "\n(full log: " + process.log() + ")");
                }
                return ready(url, last);
            });
        } catch (ConditionTimeoutException e) {
            throw new StackStartException(process.name() + " was not ready after " + timeout.toSeconds() + " s (" + url + ": "
                    + last.get() + "); its output ends with:\n" + process.logTail(LOG_LINES) + "\n(full log: " + process.log() + ")");
        }
    }

    private boolean ready(URI url, AtomicReference<String> last) {
        try (Response response = http.newCall(new Request.Builder().url(url.toString()).build()).execute()) {
            last.set("HTTP " + response.code());
            return response.code() == 200;
        } catch (IOException e) {
            last.set(e.getMessage());
            return false;
        }
    }
}
