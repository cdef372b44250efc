package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.oteltutorial.harness.collector.YamlProblem;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads multi-document YAML manifests into typed fabric8 resources; custom resources without a model class
 * become {@link io.fabric8.kubernetes.api.model.GenericKubernetesResource}.
 */
public final class ManifestLoader {

    // Shared by every loader: each new KubernetesSerialization scans the classpath for all model classes and builds its
    // typed deserializers afresh, which made a lint reading many files spend most of its time re-doing that work.
    // Both are configured once here and thread-safe afterwards.
    private static final YAMLMapper YAML =
            YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final YAMLMapper yaml = YAML;
    private final KubernetesSerialization serialization = SERIALIZATION;

    /** The step-06 manifests bundled with the harness: the project files named by {@code tutorial.yaml}. */
    public Manifests bundled() {
        StepPlan plan = StepPlan.bundled();
        List<SourcedResource> all = new ArrayList<>();
        for (Step step : plan.localSteps()) {
            String resource = StepPlan.BUNDLE_ROOT + step.file();
            try (InputStream in = ManifestLoader.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new ManifestException("bundled manifest " + resource + " is missing from the classpath");
                }
                all.addAll(parse(step.file(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Manifests(all);
    }

    /** Files as given, and every {@code *.yaml}/{@code *.yml} below each directory, in path order. */
    public Manifests fromPaths(List<Path> paths) {
        List<SourcedResource> all = new ArrayList<>();
        for (Path path : paths) {
            for (Path file : yamlFiles(path)) {
                all.addAll(parse(file.toString(), read(file)));
            }
        }
        return new Manifests(all);
    }

    /** Parses one multi-document YAML text; {@code origin} names it in messages. */
    public List<SourcedResource> parse(String origin, String text) {
        List<SourcedResource> resources = new ArrayList<>();
        int document = 0;
        for (Document d : documents(origin, text)) {
            document++;
            resources.add(new SourcedResource(origin, d.line(), toResource(origin, d.line(), document, d.node())));
        }
        return resources;
    }

    /** One YAML document of a file, as a JSON tree, and the line it starts on. */
    public record Document(int line, JsonNode node) {
    }

    /** The non-empty documents of a multi-document YAML text, as trees (before they become typed resources). */
    public List<Document> documents(String origin, String text) {
        List<Document> documents = new ArrayList<>();
        try (JsonParser parser = yaml.createParser(text)) {
            while (parser.nextToken() != null) {
                int line = parser.currentTokenLocation().getLineNr();
                if (parser.currentToken() == JsonToken.VALUE_NULL) {
                    continue;
                }
                documents.add(new Document(line, yaml.readTree(parser)));
            }
        } catch (JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? origin : origin + ":" + location.getLineNr();
            throw new ManifestException(where + ": not valid YAML: " + YamlProblem.oneLine(e.getOriginalMessage()));
        }
        return documents;
    }

    /** A tree (e.g. the state a reader's commands reached) as a typed resource from {@code origin:line}. */
    public SourcedResource resource(String origin, int line, JsonNode node) {
        return new SourcedResource(origin, line, toResource(origin, line, 1, node));
    }

    private HasMetadata toResource(String origin, int line, int document, JsonNode node) {
        String where = origin + ":" + line + " (document " + document + ")";
        if (!node.isObject() || !node.hasNonNull("kind") || !node.hasNonNull("apiVersion")) {
            throw new ManifestException(where + ": not a Kubernetes resource (it needs apiVersion and kind)");
        }
        if (!node.path("metadata").hasNonNull("name")) {
            throw new ManifestException(where + ": " + node.get("kind").asString() + " has no metadata.name");
        }
        try {
            KubernetesResource resource = serialization.convertValue(node, KubernetesResource.class);
            if (resource instanceof HasMetadata hasMetadata) {
                return hasMetadata;
            }
            throw new ManifestException(where + ": " + node.get("kind").asString() + " is not a single resource");
        } catch (IllegalArgumentException | JacksonException e) {
            throw new ManifestException(where + ": cannot read " + node.get("kind").asString() + ": " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(root.getMessage());
    }

    private static List<Path> yamlFiles(Path path) {
        if (!Files.exists(path)) {
            throw new ManifestException(path + ": no such file or directory");
        }
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new ManifestException(path + ": directory holds no *.yaml or *.yml files");
            }
            return files;
        } catch (IOException e) {
            throw new ManifestException(path + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
