package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.reader.ChapterLine;
import org.oteltutorial.harness.reader.ReaderStep;
import org.oteltutorial.harness.tutorial.JaegerModel;

/**
 * Jaeger's SPM settings live in a file of the repository that no chapter on the reader's path applies: the Jaeger the
 * reader runs has no metrics storage, so the Monitor tab answers 501. Names the file and the line to add it after.
 */
final class SpmAppliedRule implements PathRule {

    static final String SPM_FLAG = "metrics.storage.type";

    @Override
    public String id() {
        return "spm-not-applied";
    }

    @Override
    public String description() {
        return "the file that sets Jaeger's SPM settings is applied on the reader's path";
    }

    @Override
    public List<Finding> check(PathContext context) {
        Optional<JaegerModel> jaeger = context.model().jaeger();
        if (!context.hasSpanmetrics() || jaeger.isEmpty() || isSpm(jaeger.get())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (String path : spmFiles(context)) {
            if (context.path().files().containsKey(path)) {
                continue;
            }
            Optional<ChapterLine> after = context.path().lastExecuted(context.path().lastChapter());
            String location = after.map(ChapterLine::location).orElse(context.path().lastChapter() + ":1");
            String command = "kubectl apply -f " + url(context, path);
            findings.add(PathContext.at(Severity.ERROR, id(), location, path, "no chapter up to " + context.path().lastChapter()
                    + " applies " + path + ", the only file of the repository that sets Jaeger's SPM settings (METRICS_STORAGE_TYPE="
                    + "prometheus): the reader's Jaeger (" + jaeger.get().source().describe() + " from " + jaeger.get().source().origin()
                    + ") has no metrics storage, so its Monitor tab answers HTTP 501 and the SPM claims fail. Fix: add `" + command
                    + "` to " + context.path().lastChapter() + (after.isPresent() ? " after line " + after.get().line() : "")));
        }
        return findings;
    }

    static boolean isSpm(JaegerModel jaeger) {
        return jaeger.setting(SPM_FLAG).filter("prometheus"::equals).isPresent();
    }

    /** Files of the checkout whose Jaeger enables SPM with Prometheus. */
    static List<String> spmFiles(PathContext context) {
        return context.files().containing(JaegerModel.envName(SPM_FLAG)).stream()
                .filter(path -> context.files().model(path).stream().flatMap(m -> m.jaegers().stream()).anyMatch(SpmAppliedRule::isSpm))
                .toList();
    }

    /** The file's URL in the form the chapters use for the repository's files (the ref of the last one), else its path. */
    private static String url(PathContext context, String path) {
        List<ReaderStep> steps = context.path().steps();
        for (int i = steps.size() - 1; i >= 0; i--) {
            String text = steps.get(i).at().text();
            for (String applied : context.path().files().keySet()) {
                int at = text.indexOf("/" + applied);
                if (at > 0 && text.startsWith("http", text.lastIndexOf(' ', at) + 1)) {
                    return text.substring(text.lastIndexOf(' ', at) + 1, at + 1) + path;
                }
            }
        }
        return path;
    }
}
