package org.oteltutorial.harness.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficShapeTest {

  private static final String MINIMAL = """
      version: 1
      services: [web, db]
      request:
        service: web
        name: GET /items
        kind: SERVER
        fails: true
        attributes: {http.request.method: GET, http.response.status_code: 200, retry: false, weight: 1.5}
        errorAttributes: {http.response.status_code: 503}
        children:
          - {service: db, name: SELECT, kind: CLIENT, share: 0.25}
          - {service: db, name: UPDATE, kind: span_kind_client, share: 0.75, fails: true}
      """;

  @Test
  void bundledShapeIsTheDemoApplication() {
    TrafficShape shape = TrafficShape.bundled();

    assertThat(shape.services())
        .containsExactly("frontend-deployment", "backend1-deployment", "backend2-deployment");
    assertThat(shape.spans())
        .extracting(s -> s.service() + " " + s.kind() + " " + s.name() + (s.fails() ? " fails" : ""))
        .containsExactly(
            "frontend-deployment SERVER GET / fails",
            "frontend-deployment CLIENT GET",
            "backend1-deployment SERVER /rolldice",
            "frontend-deployment CLIENT GET fails",
            "backend2-deployment SERVER GET /rolldice fails",
            "backend2-deployment INTERNAL RollController.index");
    assertThat(shape.serverServices())
        .containsExactly("backend1-deployment", "backend2-deployment", "frontend-deployment");
    assertThat(shape.spansPerRequest()).isEqualTo(6);
    assertThat(shape.spansPerRequest("frontend-deployment")).isEqualTo(3);
    assertThat(shape.request().attributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/");
    assertThat(fractionsOfTheRequest(shape.request(), BigDecimal.ONE))
        .as("every span lasts a different fraction of the request, so series cannot be mixed up unnoticed")
        .doesNotHaveDuplicates()
        .hasSize(6);
    assertThat(shape.request().attributesWhen(true).get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(500L);
  }

  @Test
  void customShapeFromAStream() {
    TrafficShape shape = TrafficShape.load(stream(MINIMAL));

    assertThat(shape.services()).containsExactly("web", "db");
    SpanTemplate root = shape.request();
    assertThat(root.share()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(root.attributes().get(AttributeKey.booleanKey("retry"))).isFalse();
    assertThat(root.attributes().get(AttributeKey.doubleKey("weight"))).isEqualTo(1.5);
    assertThat(root.attributesWhen(false).get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
    assertThat(root.attributesWhen(true).get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(503L);
    assertThat(root.children()).extracting(SpanTemplate::name, SpanTemplate::kind, SpanTemplate::share)
        .containsExactly(
            tuple("SELECT", SpanKind.CLIENT, new BigDecimal("0.25")),
            tuple("UPDATE", SpanKind.CLIENT, new BigDecimal("0.75")));
    assertThat(shape.serverServices()).containsExactly("web");
  }

  @Test
  void customShapeFromAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("traffic.yaml");
    Files.writeString(file, MINIMAL);

    assertThat(TrafficShape.load(file)).isEqualTo(TrafficShape.load(stream(MINIMAL)));
  }

  @Test
  void notYamlSaysSo() {
    assertThatThrownBy(() -> TrafficShape.load(stream("services: [a, b\nrequest: {"), "broken.yaml"))
        .isInstanceOf(TrafficShapeException.class)
        .hasMessageStartingWith("broken.yaml: not valid YAML");
  }

  @Test
  void emptyFileSaysSo() {
    assertThatThrownBy(() -> TrafficShape.load(stream(""), "empty.yaml"))
        .isInstanceOf(TrafficShapeException.class)
        .hasMessage("empty.yaml: the file is empty");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      unknown top-level key  | "version: 1"                  | "version: 1\\nkind: Shape" \
                             | unknown key 'kind'; known keys: [request, services, version]
      unsupported version    | "version: 1"                  | "version: 2" \
                             | version: unsupported version 2
      share above 1          | "share: 0.25"                 | "share: 1.25" \
                             | request.children[0]: span 'SELECT' of db: share 1.25 is outside (0, 1]
      shares above parent    | "share: 0.75"                 | "share: 0.8" \
                             | request: span 'GET /items' of web: the shares of its children add up to 1.05
      missing share          | "share: 0.25"                 | "fails: false" \
                             | request.children[0]: missing key 'share'
      share on the root      | "kind: SERVER"                | "kind: SERVER\\n  share: 1" \
                             | request.share: the root span has no share
      unknown kind           | "kind: SERVER"                | "kind: SERVICE" \
                             | request.kind: unknown span kind 'SERVICE'
      unknown service        | "service: db, name: SELECT"   | "service: dbx, name: SELECT" \
                             | span 'SELECT' names service dbx, which is not among the services [web, db]
      unused service         | "services: [web, db]"         | "services: [web, db, cache]" \
                             | service cache is listed but no span uses it
      fails not a boolean    | "fails: true\\n  attributes"  | "fails: sometimes\\n  attributes" \
                             | request.fails: expected true or false
      list attribute         | "retry: false"                | "retry: [1, 2]" \
                             | request.attributes.retry: an attribute value must be
      renamed key            | "name: GET /items"            | "title: GET /items" \
                             | request: unknown key 'title'
      duplicate key          | "kind: SERVER"                | "kind: SERVER\\n  kind: CLIENT" \
                             | not valid YAML: Duplicate
      """)
  void malformedShapeNamesWhereAndWhy(String why, String replace, String with, String message) {
    String yaml = MINIMAL.replace(replace.replace("\\n", "\n"), with.replace("\\n", "\n"));
    assertThat(yaml).as("test input for '%s' differs from the valid shape", why).isNotEqualTo(MINIMAL);

    assertThatThrownBy(() -> TrafficShape.load(stream(yaml), "custom.yaml"))
        .isInstanceOf(TrafficShapeException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("custom.yaml: ")
        .hasMessageContaining(message);
  }

  @Test
  void shapeBuiltInJavaIsValidatedToo() {
    SpanTemplate leaf = new SpanTemplate("b", "leaf", SpanKind.SERVER, new BigDecimal("0.5"), false,
        Attributes.empty(), Attributes.empty(), List.of());
    SpanTemplate root = new SpanTemplate("a", "root", SpanKind.SERVER, BigDecimal.ONE, false,
        Attributes.empty(), Attributes.empty(),
        List.of(leaf));

    assertThat(new TrafficShape(List.of("a", "b"), root).hasFailingSpan()).isFalse();
    assertThatThrownBy(() -> new TrafficShape(List.of("a", "a", "b"), root))
        .hasMessage("service a is listed twice");
  }

  private static List<BigDecimal> fractionsOfTheRequest(SpanTemplate span, BigDecimal parent) {
    BigDecimal own = parent.multiply(span.share()).stripTrailingZeros();
    List<BigDecimal> out = new ArrayList<>(List.of(own));
    span.children().forEach(child -> out.addAll(fractionsOfTheRequest(child, own)));
    return out;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
