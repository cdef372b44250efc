package org.oteltutorial.harness.junit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.AssertionFailedError;
import org.oteltutorial.harness.cli.TutorialInput;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.query.JaegerQueryClient;
import org.oteltutorial.harness.query.PrometheusClient;
import org.oteltutorial.harness.run.RunSource;
import org.oteltutorial.harness.stack.StackEndpoints;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.Step06;
import org.oteltutorial.harness.verify.RedExpectations;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * The JUnit extension behind chapter scenarios: before the test class it lints the manifests (unless
 * {@link #withoutLint()}) and brings up one stack from {@code -Dharness.stack} (default {@code local}); after the class it
 * closes the stack, whatever the tests did. On a failed test it writes a failure bundle and names it in the test's
 * report entries.
 *
 * <p>Test methods may ask for: {@link SentTraffic} (the chapter's traffic, sent once for the class: a primer wave and
 * the main wave), {@link RedAssertions}, {@link ChapterTraffic} (to send other traffic), {@link StackEndpoints},
 * {@link PrometheusClient}, {@link JaegerQueryClient}, {@link StackModel} and {@link RedExpectations}.
 *
 * <p>Register it with {@link ChapterScenario} for the bundled manifests, or as a static field for a variant:
 * <pre>{@code
 * @RegisterExtension
 * static final ChapterStack STACK = ChapterStack.of(Step06.bundled().connectorSettings("{namespace: tutorial}")).withoutLint();
 * }</pre>
 */
public final class ChapterStack implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ChapterStack.class);
    private static final String RUNNING = "running chapter";
    private static final Map<Class<?>, Function<RunningChapter, Object>> PARAMETERS = Map.of(
            SentTraffic.class, RunningChapter::chapterTraffic,
            RedAssertions.class, RunningChapter::assertions,
            ChapterTraffic.class, RunningChapter::traffic,
            StackEndpoints.class, r -> r.stack().endpoints(),
            PrometheusClient.class, RunningChapter::prometheus,
            JaegerQueryClient.class, RunningChapter::jaeger,
            StackModel.class, RunningChapter::model,
            RedExpectations.class, RunningChapter::expected);

    private final Function<Class<?>, Manifests> manifests;
    private final boolean lint;
    private final String stackName;

    private ChapterStack(Function<Class<?>, Manifests> manifests, boolean lint, String stackName) {
        this.manifests = manifests;
        this.lint = lint;
        this.stackName = stackName;
    }

    /**
     * The bundled step-06 manifests, linted; what {@link ChapterScenario} registers. With {@code -Dharness.tutorial=DIR}
     * (and optionally {@code -Dharness.chapter}) the reader's path through that checkout instead, as {@link #ofTutorial}.
     */
    public ChapterStack() {
        this(testClass -> {
            String tutorial = System.getProperty("harness.tutorial", "");
            return tutorial.isBlank() ? new ManifestLoader().bundled()
                    : readerState(tutorial, System.getProperty("harness.chapter", "").isBlank() ? null : System.getProperty("harness.chapter"));
        }, true, System.getProperty("harness.stack", ""));
    }

    /**
     * The state a reader reaches by following a tutorial checkout's chapters up to {@code chapter} (e.g. {@code "06"};
     * null for the RED chapter of {@code tutorial.yaml}), read as {@code harness run --tutorial DIR --chapter CHAPTER}
     * reads it; the reader's path findings that are errors fail the class with the lint's.
     */
    public static ChapterStack ofTutorial(Path checkout, String chapter) {
        return new ChapterStack(testClass -> readerState(checkout.toString(), chapter), true,
                System.getProperty("harness.stack", ""));
    }

    /** A variant of the bundled manifests declared in the test. */
    public static ChapterStack of(Step06 variant) {
        return new ChapterStack(testClass -> variant.manifests(), true, System.getProperty("harness.stack", ""));
    }

    /** The manifests in a directory (one stack), e.g. a tutorial checkout's rendered step. */
    public static ChapterStack of(Path directory) {
        return new ChapterStack(testClass -> new ManifestLoader().fromPaths(List.of(directory)), true,
                System.getProperty("harness.stack", ""));
    }

    private static Manifests readerState(String tutorial, String chapter) {
        TutorialInput input = TutorialInput.read(tutorial, chapter);
        RunSource source = input.source();
        System.out.println("[chapter] validating " + source.description());
        source.notes().forEach(note -> System.out.println("[chapter]   " + note));
        List<String> errors = source.findings().stream().filter(Finding::isError)
                .map(f -> "[" + f.rule() + "] " + f.location() + " " + f.message()).toList();
        if (!errors.isEmpty()) {
            throw new AssertionFailedError("the reader's path through " + source.description() + " has errors: "
                    + String.join("; ", errors));
        }
        return input.state();
    }

    /** Skips the static lint, so the runtime checks alone judge the stack (broken variants). */
    public ChapterStack withoutLint() {
        return new ChapterStack(manifests, false, stackName);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String stack = stackName.isBlank() ? "local" : stackName;
        Path reportDir = Path.of("target", "harness-scenarios", testClass.getSimpleName()).toAbsolutePath();
        context.getStore(NAMESPACE).put(RUNNING, RunningChapter.start(manifests.apply(testClass), stack, lint, reportDir));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // The store closes what it holds after the class; closing here first keeps the order of the console lines.
        running(context).ifPresent(RunningChapter::close);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        running(context).ifPresent(r -> {
            Path bundle = r.writeFailureBundle(context.getRequiredTestMethod().getName());
            context.publishReportEntry("failure bundle", bundle.toString());
            System.out.println("[failure bundle] " + context.getDisplayName() + ": " + bundle);
        });
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return PARAMETERS.containsKey(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RunningChapter running = running(context).orElseThrow(() -> new ParameterResolutionException(
                "no chapter stack runs for " + context.getDisplayName() + ": register ChapterStack as a static field or use"
                        + " @ChapterScenario on the class"));
        return PARAMETERS.get(parameter.getParameter().getType()).apply(running);
    }

    private static Optional<RunningChapter> running(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(RUNNING, RunningChapter.class));
    }
}
