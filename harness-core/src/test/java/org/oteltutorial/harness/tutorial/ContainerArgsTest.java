package org.oteltutorial.harness.tutorial;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerArgsTest {

    private static ContainerArgs args(String... all) {
        return new ContainerArgs(List.of(all));
    }

    @Test
    void commandThenArgs() {
        ContainerArgs a = ContainerArgs.of(new ContainerBuilder().withCommand("/otelcol-contrib").withArgs("--config=/conf/c.yaml").build());

        assertThat(a.all()).containsExactly("/otelcol-contrib", "--config=/conf/c.yaml");
        assertThat(ContainerArgs.of(new ContainerBuilder().build()).all()).isEmpty();
    }

    @Test
    void valueInEitherFormTheLastWins() {
        assertThat(args("--config=/a.yaml").value("config")).hasValue("/a.yaml");
        assertThat(args("--config", "/a.yaml").value("config")).hasValue("/a.yaml");
        assertThat(args("-config=/a.yaml").value("config")).hasValue("/a.yaml");
        assertThat(args("--config=/a.yaml", "--config", "/b.yaml").value("config")).hasValue("/b.yaml");
        assertThat(args("--prometheus.query.namespace=").value("prometheus.query.namespace")).hasValue("");
    }

    @Test
    void valueIgnoresOtherFlagsAndPositionals() {
        assertThat(args("config=/a.yaml").value("config")).isEmpty();
        assertThat(args("--config.file=/p.yml").value("config")).isEmpty();
        assertThat(args("--config", "--other").value("config")).isEmpty();
        assertThat(args("--config").value("config")).isEmpty();
    }

    @Test
    void booleanValueTakesTheBareFlagAsTrue() {
        assertThat(args("--prometheus.query.normalize-calls").booleanValue("prometheus.query.normalize-calls")).hasValue("true");
        assertThat(args("--prometheus.query.normalize-calls=false").booleanValue("prometheus.query.normalize-calls")).hasValue("false");
        assertThat(args("--prometheus.query.normalize-calls=false", "--prometheus.query.normalize-calls")
                .booleanValue("prometheus.query.normalize-calls")).hasValue("true");
        assertThat(args("--prometheus.query.normalize-calls", "false").booleanValue("prometheus.query.normalize-calls")).hasValue("true");
        assertThat(args("--prometheus.query.normalize-duration").booleanValue("prometheus.query.normalize-calls")).isEmpty();
    }

    @Test
    void repeatableValuesSplitCommaLists() {
        ContainerArgs a = args("--enable-feature=otlp-write-receiver,exemplar-storage", "--enable-feature", "native-histograms",
                "--enable-feature=");

        assertThat(a.values("enable-feature")).containsExactly("otlp-write-receiver", "exemplar-storage", "native-histograms");
    }

    @Test
    void isSetForBareAndTrueBooleans() {
        assertThat(args("--web.enable-otlp-receiver").isSet("web.enable-otlp-receiver")).isTrue();
        assertThat(args("--web.enable-otlp-receiver=true").isSet("web.enable-otlp-receiver")).isTrue();
        assertThat(args("--web.enable-otlp-receiver=false").isSet("web.enable-otlp-receiver")).isFalse();
        assertThat(args("--web.enable-remote-write-receiver").isSet("web.enable-otlp-receiver")).isFalse();
    }
}
