package org.oteltutorial.harness.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oteltutorial.harness.tutorial.Step06;

/** Settings the manifests do not show (valueFrom) and collectors whose config they do not hold: said, not guessed. */
class ReferencedSettingsTest {

    @Test
    void spmSwitchFromASecretIsAWarningNotAFalseError() {
        LintResult result = Step06.bundled().replace(Step06.BACKEND, "            - name: METRICS_STORAGE_TYPE\n              value: prometheus\n",
                "            - name: METRICS_STORAGE_TYPE\n              valueFrom: {secretKeyRef: {name: jaeger-spm, key: storage}}\n")
                .lint();

        Finding f = Findings.only(result, "jaeger-spm");
        assertThat(f.isError()).isFalse();
        assertThat(f.message()).contains("valueFrom").contains("cannot be checked");
    }

    @Test
    void prometheusUrlFromAConfigMapIsAWarningNotAFalseError() {
        LintResult result = Step06.bundled().replace(Step06.BACKEND,
                "            - name: PROMETHEUS_SERVER_URL\n              value: http://prometheus.observability-backend\n",
                "            - name: PROMETHEUS_SERVER_URL\n              valueFrom: {configMapKeyRef: {name: jaeger-spm, key: url}}\n")
                .lint();

        Finding f = Findings.only(result, "endpoint-unresolved");
        assertThat(f.isError()).isFalse();
        assertThat(f.message()).contains("PROMETHEUS_SERVER_URL").contains("valueFrom");
        Findings.assertNoErrors(result);
    }

    @Test
    void aCollectorWhoseConfigIsNotInTheManifestsIsNamed() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: gateway
                  namespace: observability-backend
                spec:
                  selector:
                    matchLabels: {app: gateway}
                  template:
                    metadata:
                      labels: {app: gateway}
                    spec:
                      containers:
                        - name: otelcol
                          image: otel/opentelemetry-collector-contrib:0.94.0
                          args: [--config=/conf/gateway.yaml]
                """;
        LintResult result = Step06.bundled().with("gateway.yaml", deployment).lint();

        Finding f = Findings.only(result, "collector-config");
        assertThat(f.isError()).isFalse();
        assertThat(f.resource()).isEqualTo("Deployment observability-backend/gateway");
        assertThat(f.message()).contains("--config /conf/gateway.yaml").contains("not in a ConfigMap");
        assertThat(Step06.bundled().lint().byRule("collector-config")).isEmpty();
    }
}
