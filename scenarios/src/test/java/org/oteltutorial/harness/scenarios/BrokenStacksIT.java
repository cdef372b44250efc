package org.oteltutorial.harness.scenarios;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oteltutorial.harness.junit.ChapterStack;
import org.oteltutorial.harness.junit.RedAssertions;
import org.oteltutorial.harness.tutorial.Step06;
import org.oteltutorial.harness.verify.SentTraffic;

/**
 * Stacks broken the ways readers break the chapter, with the lint off so the runtime checks alone judge them: each
 * fails, and the failures name the cause.
 */
class BrokenStacksIT {

    @Nested
    class SpanmetricsBehindTheSampler {
        @RegisterExtension
        static final ChapterStack STACK = ChapterStack.of(Step06.bundled().replace(Step06.COLLECTOR,
                "        traces/spanmetrics:\n          receivers: [otlp]\n",
                "        traces/spanmetrics:\n          receivers: [otlp]\n          processors: [tail_sampling]\n")).withoutLint();

        @Test
        void undercountsTheSpans(SentTraffic sent, RedAssertions red) {
            red.assertThatRed(sent).failsNaming("spans were dropped or sampled before the spanmetrics connector", "[red-unsampled]");
        }
    }

    @Nested
    class JaegerNormalisationOff {
        @RegisterExtension
        static final ChapterStack STACK = ChapterStack.of(Step06.bundled().jaegerEnv("PROMETHEUS_QUERY_NORMALIZE_CALLS", "false")
                .jaegerEnv("PROMETHEUS_QUERY_NORMALIZE_DURATION", "false")).withoutLint();

        @Test
        void jaegerQueriesNamesPrometheusDoesNotHold(SentTraffic sent, RedAssertions red) {
            red.assertThatRed(sent).failsNaming("Jaeger SPM returned no data", "Jaeger queries calls ", "Prometheus holds calls_total");
        }
    }

    @Nested
    class ConnectorNamespaceJaegerDoesNotQuery {
        @RegisterExtension
        static final ChapterStack STACK = ChapterStack.of(Step06.bundled().connectorSettings("{namespace: tutorial}")).withoutLint();

        @Test
        void spmFindsNoData(SentTraffic sent, RedAssertions red) {
            red.assertThatRed(sent).failsNaming("Jaeger SPM returned no data", "Jaeger queries calls_total",
                    "Prometheus holds tutorial_calls_total");
        }
    }

    @Nested
    class JaegerMetricsStorageOff {
        @RegisterExtension
        static final ChapterStack STACK = ChapterStack.of(Step06.bundled().withoutJaegerEnv("METRICS_STORAGE_TYPE")).withoutLint();

        @Test
        void spmIsDisabled(SentTraffic sent, RedAssertions red) {
            red.assertThatRed(sent).failsNaming("SPM is disabled: METRICS_STORAGE_TYPE is not prometheus");
        }
    }

    @Nested
    class PrometheusWithoutItsOtlpReceiver {
        @RegisterExtension
        static final ChapterStack STACK = ChapterStack.of(Step06.bundled().prometheusOtlpFlag(null)).withoutLint();

        @Test
        void prometheusHoldsNoRedMetric(SentTraffic sent, RedAssertions red) {
            red.assertThatRed(sent).failsNaming("Prometheus holds no RED-like metric at all", "[prometheus-otlp-flag]");
        }
    }

    @Nested
    class HistogramUnitInSeconds {
        @RegisterExtension
        static final ChapterStack STACK = ChapterStack.of(Step06.bundled().connectorSettings("{histogram: {unit: s}}")).withoutLint();

        @Test
        void spmLatenciesFindNoData(SentTraffic sent, RedAssertions red) {
            red.assertThatRed(sent).failsNaming("Jaeger queries duration_milliseconds_bucket", "Prometheus holds duration_seconds_bucket");
        }
    }
}
