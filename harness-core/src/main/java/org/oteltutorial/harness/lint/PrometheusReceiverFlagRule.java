package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.naming.IngestPath;
import org.oteltutorial.harness.naming.Program;
import org.oteltutorial.harness.naming.RedRoute;
import org.oteltutorial.harness.naming.VersionFacts;
import org.oteltutorial.harness.tutorial.PrometheusModel;
import org.oteltutorial.harness.tutorial.Version;

/**
 * Prometheus gets the receiver flag its version accepts: 2.47–2.x {@code --enable-feature=otlp-write-receiver},
 * 3.x {@code --web.enable-otlp-receiver}, none below 2.47; and {@code --web.enable-remote-write-receiver} for remote write.
 */
final class PrometheusReceiverFlagRule implements Rule {

    private static final String OLD_FEATURE = "otlp-write-receiver";
    private static final String NEW_FLAG = "web.enable-otlp-receiver";

    @Override
    public String id() {
        return "prometheus-otlp-flag";
    }

    @Override
    public String description() {
        return "Prometheus is given the OTLP (or remote-write) receiver flag its version accepts";
    }

    @Override
    public List<Finding> check(LintContext context) {
        Optional<PrometheusModel> maybe = context.model().prometheus();
        if (maybe.isEmpty()) {
            return List.of();
        }
        PrometheusModel prometheus = maybe.get();
        List<RedRoute> routes = RedRoute.find(context.model(), context.topology()).stream()
                .filter(r -> r.reachesPrometheus(maybe)).toList();
        boolean otlpNeeded = routes.stream().anyMatch(r -> r.path() == IngestPath.PROMETHEUS_OTLP_RECEIVER);
        boolean remoteWriteNeeded = routes.stream().anyMatch(r -> r.path() == IngestPath.PROMETHEUS_REMOTE_WRITE);
        boolean oldGiven = prometheus.args().values("enable-feature").contains(OLD_FEATURE);
        boolean newGiven = prometheus.args().isSet(NEW_FLAG);
        List<Finding> findings = new ArrayList<>();
        if (remoteWriteNeeded && !prometheus.args().isSet("web.enable-remote-write-receiver")) {
            findings.add(Finding.error(id(), prometheus.source(), "the collector remote-writes RED metrics to Prometheus, but"
                    + " --web.enable-remote-write-receiver is not set, so every write gets 404; add the flag"));
        }
        if (!otlpNeeded && !oldGiven && !newGiven) {
            return findings;
        }
        Optional<Version> version = prometheus.version();
        if (version.isEmpty()) {
            findings.add(Finding.warning(id(), prometheus.source(), "the Prometheus image " + prometheus.image()
                    + " has no version tag, so which OTLP receiver flag it accepts is unknown; pin a version"));
            return findings;
        }
        Version v = version.get();
        String expected = VersionFacts.value(Program.PROMETHEUS, VersionFacts.PROMETHEUS_OTLP_FLAG, v);
        if (expected.equals(VersionFacts.ABSENT)) {
            findings.add(Finding.error(id(), prometheus.source(), "Prometheus " + v + " has no OTLP receiver (it arrived in"
                    + " 2.47.0), so the collector's OTLP export of RED metrics fails; use Prometheus 2.47 or later"));
            return findings;
        }
        boolean isV3 = expected.equals("--" + NEW_FLAG);
        boolean given = isV3 ? newGiven : oldGiven;
        if (isV3 && oldGiven && !newGiven) {
            findings.add(Finding.error(id(), prometheus.source(), "Prometheus " + v + " ignores --enable-feature=" + OLD_FEATURE
                    + " (it only logs a warning), so its OTLP receiver stays off and RED metrics get 404; use " + expected));
        } else if (!isV3 && newGiven) {
            findings.add(Finding.error(id(), prometheus.source(), "Prometheus " + v + " does not know --" + NEW_FLAG
                    + " and refuses to start; use " + expected));
        } else if (otlpNeeded && !given) {
            findings.add(Finding.error(id(), prometheus.source(), "the collector sends RED metrics to Prometheus' OTLP receiver,"
                    + " which Prometheus " + v + " enables only with " + expected + "; without it every export gets 404"));
        }
        return findings;
    }
}
