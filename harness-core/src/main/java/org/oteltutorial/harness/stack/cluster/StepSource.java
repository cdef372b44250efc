package org.oteltutorial.harness.stack.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import org.oteltutorial.harness.tutorial.StepPlan.WaitTarget;

/**
 * Where each step's resources come from: release URLs through the {@link ManifestCache}; project files from the
 * manifests the run was given. The bundled manifests name each resource by its step file, so every project step finds
 * its own. Manifests from a user's directory belong to no step; {@link #planFor} then applies them as one step, in the
 * place of the project steps, waiting for everything those steps waited for.
 */
public final class StepSource {

    /** The id of the step that stands for manifests given by the user. */
    public static final String GIVEN_MANIFESTS = "manifests";

    private final ManifestCache cache;
    private final Manifests manifests;
    private final ManifestLoader loader = new ManifestLoader();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> claimedFiles = Collections.synchronizedSet(new LinkedHashSet<>());

    public StepSource(ManifestCache cache, Manifests manifests) {
        this.cache = cache;
        this.manifests = manifests;
    }

    /** The release URLs through the cache, the project files from the manifests bundled with the harness. */
    public static StepSource bundled(ManifestCache cache) {
        return new StepSource(cache, new ManifestLoader().bundled());
    }

    /**
     * The steps to apply: the plan's release steps as they are, its project steps where the manifests hold their files,
     * and one {@value #GIVEN_MANIFESTS} step for the resources no project step claims.
     */
    public StepPlan planFor(StepPlan plan) {
        Set<String> stepFiles = new LinkedHashSet<>();
        plan.localSteps().forEach(s -> stepFiles.add(s.file()));
        List<SourcedResource> unclaimed = manifests.resources().stream().filter(r -> !stepFiles.contains(r.origin())).toList();
        claimedFiles.clear();
        claimedFiles.addAll(stepFiles);
        if (unclaimed.isEmpty()) {
            return plan;
        }
        List<Step> steps = new ArrayList<>();
        List<WaitTarget> waitFor = new ArrayList<>();
        int insertAt = -1;
        for (Step step : plan.steps()) {
            if (step.isLocal() && ownResources(step).isEmpty()) {
                insertAt = insertAt < 0 ? steps.size() : insertAt;
                waitFor.addAll(step.waitFor());
            } else {
                steps.add(step);
            }
        }
        Step given = new Step(GIVEN_MANIFESTS, "the given manifests", null, GIVEN_MANIFESTS, null, List.of(),
                List.copyOf(new LinkedHashSet<>(waitFor)));
        steps.add(insertAt < 0 ? steps.size() : insertAt, given);
        return new StepPlan(plan.tutorial(), steps);
    }

    /** The step's resources, in file order. */
    public List<SourcedResource> load(Step step) {
        if (!step.isLocal()) {
            CachedManifest manifest = cache.get(URI.create(step.url()));
            notes.add("step " + step.id() + ": " + step.url() + " sha256 " + manifest.sha256()
                    + (manifest.downloaded() ? " (downloaded to " : " (verified against the cached copy ") + manifest.file() + ")");
            return loader.parse(step.url(), manifest.text());
        }
        if (GIVEN_MANIFESTS.equals(step.id())) {
            return manifests.resources().stream().filter(r -> !claimedFiles.contains(r.origin())).toList();
        }
        return ownResources(step);
    }

    private List<SourcedResource> ownResources(Step step) {
        return manifests.resources().stream().filter(r -> r.origin().equals(step.file())).toList();
    }

    /** A note per release manifest: its URL, the sha256 it was verified against and where it is cached. */
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }
}
