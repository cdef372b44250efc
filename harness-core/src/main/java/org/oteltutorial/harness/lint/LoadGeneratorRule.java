package org.oteltutorial.harness.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oteltutorial.harness.reader.ChapterLine;

/**
 * The load generator of the applied files is commented out: no requests reach the app unless the reader makes them,
 * so RED metrics and traces stay empty until someone clicks the frontend.
 */
final class LoadGeneratorRule implements PathRule {

    private static final Pattern KIND = Pattern.compile("^#\\s*kind:\\s*(Deployment|StatefulSet|DaemonSet|Pod|Job|CronJob)\\s*$");
    private static final Pattern NAME = Pattern.compile("^#\\s+name:\\s*(\\S+)\\s*$");
    private static final Pattern LOAD = Pattern.compile("(?i)load|traffic|k6|locust");
    private static final int NAME_WITHIN = 3;

    @Override
    public String id() {
        return "no-load-generator";
    }

    @Override
    public String description() {
        return "something on the reader's path sends requests to the demo app";
    }

    @Override
    public List<Finding> check(PathContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, List<ChapterLine>> file : context.path().files().entrySet()) {
            List<String> lines = context.files().lines(file.getKey());
            for (int i = 0; i < lines.size(); i++) {
                Matcher kind = KIND.matcher(lines.get(i));
                if (!kind.matches()) {
                    continue;
                }
                for (int j = i + 1; j < Math.min(lines.size(), i + 1 + NAME_WITHIN); j++) {
                    Matcher name = NAME.matcher(lines.get(j));
                    if (name.matches() && LOAD.matcher(name.group(1)).find() && !running(context, name.group(1))) {
                        findings.add(PathContext.at(Severity.WARNING, id(), file.getValue().get(0).location(), file.getKey() + ":" + (i + 1),
                                file.getKey() + ":" + (i + 1) + " has " + kind.group(1) + " " + name.group(1) + " commented out, so nothing"
                                        + " sends requests to the app: calls_total, the traces and Jaeger's Monitor tab stay empty until the"
                                        + " reader uses the frontend (port-forward its Service and click it). Fix: say so in the chapter,"
                                        + " or uncomment it; the harness sends its own traffic"));
                        break;
                    }
                }
            }
        }
        return findings;
    }

    private static boolean running(PathContext context, String name) {
        return context.path().objects().stream().anyMatch(o -> o.name().equals(name));
    }
}
