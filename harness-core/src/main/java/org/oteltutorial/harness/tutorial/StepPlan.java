package org.oteltutorial.harness.tutorial;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code tutorial.yaml}: the ordered steps a reader applies to reach the chapter's state, the upstream file each
 * project file mirrors at the pinned commit, and the harness's overlays.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StepPlan(TutorialRef tutorial, List<Step> steps) {

    /** Classpath folder of the bundled manifests (in the {@code manifests} module). */
    public static final String BUNDLE_ROOT = "tutorial/";

    public StepPlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public static StepPlan bundled() {
        try (InputStream in = StepPlan.class.getClassLoader().getResourceAsStream(BUNDLE_ROOT + "tutorial.yaml")) {
            if (in == null) {
                throw new ManifestException("tutorial.yaml is missing from the classpath (is the manifests module built?)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StepPlan read(InputStream in) {
        try {
            // Jackson 3 ignores unknown properties by default; a misspelt key (waitfor) must not silently drop a wait.
            StepPlan plan = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, StepPlan.class);
            plan.validate();
            return plan;
        } catch (JacksonException e) {
            throw new ManifestException("tutorial.yaml: " + e.getOriginalMessage());
        }
    }

    /** The steps that apply the project's own files (as opposed to release URLs). */
    public List<Step> localSteps() {
        return steps.stream().filter(Step::isLocal).toList();
    }

    private void validate() {
        for (Step step : steps) {
            if ((step.file() == null) == (step.url() == null)) {
                throw new ManifestException("tutorial.yaml: step " + step.id() + " needs exactly one of file or url");
            }
        }
    }

    /** The upstream tutorial this plan mirrors. */
    public record TutorialRef(String repository, String commit, String chapter, String kubernetes) {
    }

    /** One step: a release URL or a project file, with what to wait for afterwards. */
    public record Step(String id, String title, String url, String file, String mirrors, List<Overlay> overlays,
            List<WaitTarget> waitFor) {

        public Step {
            overlays = overlays == null ? List.of() : List.copyOf(overlays);
            waitFor = waitFor == null ? List.of() : List.copyOf(waitFor);
        }

        public boolean isLocal() {
            return file != null;
        }
    }

    /** A change the harness makes to an upstream manifest, with the reason it reports. */
    public record Overlay(String id, ImageReplacement replaceImage, String reason) {
    }

    public record ImageReplacement(String from, String to) {
    }

    /** A workload that must be ready before the next step. */
    public record WaitTarget(String kind, String namespace, String name) {
    }
}
