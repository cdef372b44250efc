package org.oteltutorial.harness.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final List<CheckResult> checks = List.of(
            CheckResult.pass("calls_total{service_name=\"frontend\"}", "5", "5", "every span sent was counted").withSeconds(12.34),
            CheckResult.fail("jaeger SPM operations: frontend", "[GET /]", "[GET /|x]", "groupByOperation does not list\nthe operations"),
            CheckResult.skip("sampling: Jaeger holds the sampled traces", "the policy type 'string_attribute' is not modelled"));
    private final List<Phase> phases = List.of(new Phase("stack up (local)", 4.2), new Phase("verify", 31.0));

    private JsonNode writeAndRead(RunSummary summary) throws Exception {
        new SummaryWriter().write(dir.resolve("report"), summary);
        return JSON.readTree(Files.readString(dir.resolve("report/summary.json")));
    }

    @Test
    void summaryJsonFollowsTheContract() throws Exception {
        JsonNode root = writeAndRead(RunSummary.of("local", "abc123", "the bundled rendering", checks, phases, List.of("a note"), false));

        assertThat(root.path("verdict").asString()).isEqualTo("fail");
        assertThat(root.path("stack").asString()).isEqualTo("local");
        assertThat(root.path("runId").asString()).isEqualTo("abc123");
        assertThat(root.path("source").asString()).isEqualTo("the bundled rendering");
        assertThat(root.path("checks").isArray()).isTrue();
        assertThat(root.path("checks")).hasSize(3).allSatisfy(check -> {
            for (String field : List.of("name", "status", "expected", "observed", "message")) {
                assertThat(check.path(field).isString()).as("%s of %s", field, check).isTrue();
            }
        });
        List<String> statuses = new ArrayList<>();
        root.path("checks").forEach(c -> statuses.add(c.path("status").asString()));
        assertThat(statuses).containsExactly("pass", "fail", "skip");
        JsonNode first = root.path("checks").get(0);
        assertThat(first.path("name").asString()).isEqualTo("calls_total{service_name=\"frontend\"}");
        assertThat(first.path("seconds").asDouble()).isEqualTo(12.3);
        assertThat(root.path("checks").get(1).has("seconds")).isFalse();
        assertThat(root.path("checks").get(1).path("message").asString()).isEqualTo("groupByOperation does not list\nthe operations");
        assertThat(root.path("phases")).hasSize(2);
        assertThat(root.path("phases").get(0).path("name").asString()).isEqualTo("stack up (local)");
        assertThat(root.path("phases").get(0).path("seconds").isNumber()).isTrue();
        assertThat(root.path("phases").get(1).path("seconds").asDouble()).isEqualTo(31.0);
        assertThat(root.path("notes").get(0).asString()).isEqualTo("a note");
    }

    @Test
    void verdictIsPassOnlyWhenNoCheckFailedAndThereWereChecks() throws Exception {
        List<CheckResult> passing = List.of(checks.get(0), checks.get(2));

        assertThat(writeAndRead(RunSummary.of("k3s", "r1", "the bundled rendering", passing, phases, List.of(), false)).path("verdict").asString()).isEqualTo("pass");
        assertThat(writeAndRead(RunSummary.of("k3s", "r1", "the bundled rendering", List.of(), phases, List.of(), false)).path("verdict").asString()).isEqualTo("fail");
    }

    @Test
    void aSkipIsCountedAndShownButNeverPassesARunAlone() throws Exception {
        List<CheckResult> passAndSkip = List.of(checks.get(0), checks.get(2));

        RunSummary lenient = RunSummary.of("local", "r1", "the bundled rendering", passAndSkip, phases, List.of(), false);
        JsonNode json = writeAndRead(lenient);
        assertThat(json.path("verdict").asString()).isEqualTo("pass");
        assertThat(json.path("skipped").asInt(-1)).isEqualTo(1);
        assertThat(lenient.headline()).isEqualTo("PASS, 1 skipped");
        String md = Files.readString(dir.resolve("report/summary.md"));
        assertThat(md).startsWith("# RED metrics run: PASS, 1 skipped\n");
        assertThat(md).contains("## Skipped (not passed: nothing was compared)\n\n- **sampling: Jaeger holds the sampled traces**:"
                + " the policy type 'string_attribute' is not modelled\n");

        RunSummary strict = RunSummary.of("local", "r1", "the bundled rendering", passAndSkip, phases, List.of(), true);
        assertThat(strict.verdict()).isEqualTo("fail");
        assertThat(strict.headline()).isEqualTo("FAIL, 1 skipped");
        assertThat(RunSummary.of("local", "r1", "the bundled rendering", List.of(checks.get(2)), phases, List.of(), false).verdict())
                .as("only skips compare nothing").isEqualTo("fail");
        assertThat(RunSummary.of("local", "r1", "the bundled rendering", List.of(checks.get(0)), phases, List.of(), true).headline()).isEqualTo("PASS");
    }

    @Test
    void aCheckWithoutAMessageStillHasEveryContractField() throws Exception {
        // messages often come from exceptions, whose getMessage() may be null
        RunSummary summary = RunSummary.of("local", "r1", "a directory",
                List.of(CheckResult.fail("traffic", "spans delivered to the collector", "failed", null)), phases, List.of(), false);

        JsonNode check = writeAndRead(summary).path("checks").get(0);

        assertThat(check.path("message").isString()).as(check.toString()).isTrue();
        assertThat(check.path("message").asString()).isEmpty();
    }

    @Test
    void summaryMarkdownHasTheExpectedVersusObservedTableWithPipesEscaped() throws Exception {
        new SummaryWriter().write(dir, RunSummary.of("local", "abc123", "the bundled rendering", checks, phases, List.of("addresses: a|b"), false));

        String md = Files.readString(dir.resolve("summary.md"));

        assertThat(md).startsWith("# RED metrics run: FAIL, 1 skipped\n");
        assertThat(md).contains("Stack `local`, run id `abc123`: 1 passed, 1 failed, 1 skipped.");
        assertThat(md).contains("| check | status | expected | observed | waited | message |\n|---|---|---|---|---|---|\n");
        assertThat(md).contains("| calls_total{service_name=\"frontend\"} | pass | 5 | 5 | 12.3 s | every span sent was counted |\n");
        assertThat(md).contains("| jaeger SPM operations: frontend | fail | [GET /] | [GET /\\|x] |  | groupByOperation does not list the operations |\n");
        assertThat(md).contains("## Failed\n\n- **jaeger SPM operations: frontend**: groupByOperation does not list the operations\n");
        assertThat(md).contains("| stack up (local) | 4.2 |\n| verify | 31.0 |\n");
        assertThat(md).contains("- addresses: a\\|b\n");
        // every table row has exactly the six cells of the header
        md.lines().filter(l -> l.startsWith("| ") && (l.contains(" | pass |") || l.contains(" | fail |") || l.contains(" | skip |")))
                .forEach(row -> assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(7));
    }
}
