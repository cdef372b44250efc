package org.oteltutorial.harness.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How {@code harness lint} prints its findings. */
enum LintFormat {
    /** One line per finding (severity, rule, file:line, resource, message), then a summary line. */
    text {
        @Override
        String render(LintResult result, List<String> notes, int resources, int rules) {
            StringBuilder sb = new StringBuilder();
            for (Finding f : result.findings()) {
                sb.append(String.format("%-7s %-20s %s  %s  %s%n", f.severity(), f.rule(), f.location(), f.resource(), f.message()));
            }
            notes.forEach(n -> sb.append("note: ").append(n).append(System.lineSeparator()));
            sb.append(String.format("lint: %d error%s, %d warning%s (%d rules over %d resources)%n", result.errors().size(),
                    result.errors().size() == 1 ? "" : "s", result.warnings().size(), result.warnings().size() == 1 ? "" : "s",
                    rules, resources));
            return sb.toString();
        }
    },
    json {
        @Override
        String render(LintResult result, List<String> notes, int resources, int rules) {
            ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("passed", result.passed());
            doc.put("errors", result.errors().size());
            doc.put("warnings", result.warnings().size());
            doc.put("findings", result.findings());
            doc.put("notes", notes);
            return mapper.writeValueAsString(doc) + System.lineSeparator();
        }
    };

    abstract String render(LintResult result, List<String> notes, int resources, int rules);
}
