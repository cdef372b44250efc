package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JaegerModelTest {

    private static JaegerModel jaeger(Step06 s) {
        return s.only(Step06.BACKEND).model().jaeger().orElseThrow();
    }

    @Test
    void readsTheBundledJaeger() {
        JaegerModel j = jaeger(Step06.bundled());

        assertThat(j.source().describe()).isEqualTo("Deployment observability-backend/jaeger");
        assertThat(j.version()).hasValue(new Version(1, 54, 0));
        assertThat(j.env()).containsEntry("METRICS_STORAGE_TYPE", "prometheus")
                .containsEntry("PROMETHEUS_SERVER_URL", "http://prometheus.observability-backend")
                .containsEntry("PROMETHEUS_QUERY_NORMALIZE_CALLS", "true");
        assertThat(j.setting("prometheus.server-url")).hasValue("http://prometheus.observability-backend");
        assertThat(j.setting("prometheus.query.namespace")).isEmpty();
    }

    @Test
    void anEmptyEnvVarIsIgnoredButAnEmptyFlagIsSet() {
        JaegerModel emptyEnv = jaeger(Step06.bundled().jaegerEnv("PROMETHEUS_QUERY_NAMESPACE", ""));
        assertThat(emptyEnv.setting("prometheus.query.namespace")).isEmpty();
        assertThat(emptyEnv.setEmptyInEnv("prometheus.query.namespace")).isTrue();

        JaegerModel emptyFlag = jaeger(Step06.bundled().jaegerEnv("PROMETHEUS_QUERY_NAMESPACE", "").jaegerArgs("--prometheus.query.namespace="));
        assertThat(emptyFlag.setting("prometheus.query.namespace")).hasValue("");
        assertThat(emptyFlag.setEmptyInEnv("prometheus.query.namespace")).isFalse();
    }

    @Test
    void aFlagWinsOverTheEnvironment() {
        JaegerModel j = jaeger(Step06.bundled().jaegerArgs("--prometheus.server-url=http://other:9090"));

        assertThat(j.setting("prometheus.server-url")).hasValue("http://other:9090");
    }

    @Test
    void variablesFromSecretsAreUnknownRatherThanEmpty() {
        JaegerModel j = jaeger(Step06.bundled().replace(Step06.BACKEND,
                "            - name: PROMETHEUS_SERVER_URL\n              value: http://prometheus.observability-backend\n",
                "            - name: PROMETHEUS_SERVER_URL\n              valueFrom: {secretKeyRef: {name: s, key: url}}\n"));

        assertThat(j.env()).doesNotContainKey("PROMETHEUS_SERVER_URL");
        assertThat(j.setting("prometheus.server-url")).isEmpty();
    }

    @Test
    void envNamesFollowViper() {
        assertThat(JaegerModel.envName("prometheus.query.normalize-calls")).isEqualTo("PROMETHEUS_QUERY_NORMALIZE_CALLS");
        assertThat(JaegerModel.envName("prometheus.server-url")).isEqualTo("PROMETHEUS_SERVER_URL");
    }
}
