package org.oteltutorial.harness.scenarios;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.oteltutorial.harness.cli.HarnessCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI run in-process, as a user runs it, with what it printed and the summary it wrote. */
record HarnessCliRun(int exitCode, String out, String err, Path reportDir) {

    static HarnessCliRun of(Path reportDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HarnessCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new HarnessCliRun(code, out.toString(), err.toString(), reportDir);
    }

    JsonNode summary() {
        return JsonMapper.builder().build().readTree(reportDir.resolve("summary.json").toFile());
    }

    /** Failed checks' messages, one per line, for assertions and for a readable failure. */
    String failures() {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : summary().path("checks")) {
            if (c.path("status").asString().equals("fail")) {
                sb.append(c.path("name").asString()).append(": ").append(c.path("message").asString()).append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
    }
}
