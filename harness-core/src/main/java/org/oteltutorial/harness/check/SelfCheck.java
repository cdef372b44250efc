package org.oteltutorial.harness.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.oteltutorial.harness.collector.CollectorConfigException;
import org.oteltutorial.harness.lint.Finding;
import org.oteltutorial.harness.lint.LintResult;
import org.oteltutorial.harness.lint.Linter;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.cluster.ClusterTarget;
import org.oteltutorial.harness.stack.cluster.EndpointPlan;
import org.oteltutorial.harness.stack.cluster.FailureBundle;
import org.oteltutorial.harness.stack.cluster.FailureBundle.CustomKind;
import org.oteltutorial.harness.stack.cluster.ForwardedEndpoints;
import org.oteltutorial.harness.stack.cluster.KubernetesStack;
import org.oteltutorial.harness.stack.cluster.PodDiagnosis;
import org.oteltutorial.harness.stack.cluster.PodPortForwarder;
import org.oteltutorial.harness.stack.cluster.PortForwarder;
import org.oteltutorial.harness.stack.cluster.Rollout;
import org.oteltutorial.harness.tutorial.CollectorModel;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;
import org.oteltutorial.harness.tutorial.StepPlan.Step;
import org.oteltutorial.harness.tutorial.StepPlan.WaitTarget;

/**
 * The workshop self-check ({@code ./harness check}): has an attendee's cluster reached the step-06 state, and if not,
 * which step is missing or wrong and how to fix it. Strictly read-only: it gets and lists (see
 * {@code self-check-rbac.yaml}); {@link #attach} port-forwards, a {@code create} on {@code pods/portforward}, the one
 * non-read; nothing is ever created, patched or deleted.
 *
 * <p>What is expected comes from the project's step plan and manifests, not from Java: every object of the bundled
 * step files, every {@code waitFor} Deployment, the injection annotations of the app's pod templates. What was read
 * is turned into the same {@link StackModel} lint uses, so every lint rule also checks the live state.
 *
 * <pre>{@code
 * try (SelfCheck check = SelfCheck.connect(new ClusterTarget(kubeconfig, context))) {
 *     SelfCheckReport report = check.inspect();
 *     report.lines().forEach(out::println);
 *     if (report.ready()) {
 *         try (KubernetesStack stack = check.attach(report, stackContext)) { ... send traffic, verify ... }
 *     }
 * }
 * }</pre>
 */
public final class SelfCheck implements AutoCloseable {

    static final String INJECT_PREFIX = "instrumentation.opentelemetry.io/inject-";

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final String cluster;
    private final StepPlan plan;
    private final Manifests expected;
    private final TutorialFixes fixes;

    /** A self-check on a client the caller owns (and closes). */
    public SelfCheck(KubernetesClient client, String cluster, StepPlan plan, Manifests expected) {
        this(client, false, cluster, plan, expected);
    }

    private SelfCheck(KubernetesClient client, boolean ownsClient, String cluster, StepPlan plan, Manifests expected) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.cluster = cluster;
        this.plan = plan;
        this.expected = expected;
        this.fixes = new TutorialFixes(plan);
    }

    /** The self-check of the bundled step plan and manifests against the target cluster; closing it closes the client. */
    public static SelfCheck connect(ClusterTarget target) {
        String cluster = target.describe();
        return new SelfCheck(target.connect(), true, cluster, StepPlan.bundled(), new ManifestLoader().bundled());
    }

    /** Reads the cluster and says which steps are missing or wrong. Only gets and lists. */
    public SelfCheckReport inspect() {
        ClusterSnapshot snapshot = new ClusterReader(client).read(namespaces(), customKinds());
        List<Advice> advice = new ArrayList<>();
        for (String error : snapshot.readErrors()) {
            advice.add(Advice.warning("read access", "could not read " + error, "grant the read-only ClusterRole of"
                    + " self-check-rbac.yaml (get, list, watch; create on pods/portforward) to the user of this kubeconfig"));
        }
        for (Step step : plan.steps()) {
            if (step.isLocal()) {
                projectStep(step, snapshot, advice);
            } else {
                releaseStep(step, snapshot, advice);
            }
        }
        Optional<StackModel> model = Optional.empty();
        LintResult lint = new LintResult(List.of());
        try {
            model = Optional.of(StackModel.from(snapshot.manifests()));
        } catch (ManifestException | CollectorConfigException e) {
            advice.add(Advice.error(fixes.title(stepOf("OpenTelemetryCollector").orElse("collector")), "the cluster's state cannot"
                    + " be read as the tutorial's: " + e.getMessage(), fixes.apply(stepOf("OpenTelemetryCollector").orElse("collector"))));
        }
        if (model.isPresent()) {
            collectorStage(model.get(), advice);
            lint = Linter.standard().lint(model.get());
            translate(lint, advice);
            injection(snapshot, advice);
        }
        return new SelfCheckReport(cluster, advice, lint, model, snapshot);
    }

    /**
     * Port-forwards to the collector, Prometheus, Jaeger and the frontend, and returns a stack whose {@code close()}
     * closes the forwards and deletes nothing.
     *
     * @throws IllegalStateException when the report finds no {@link SelfCheckReport#backendRunning() backend running}
     */
    public KubernetesStack attach(SelfCheckReport report, StackContext context) {
        return attach(report, context, new PodPortForwarder(client));
    }

    KubernetesStack attach(SelfCheckReport report, StackContext context, PortForwarder forwarder) {
        if (!report.backendRunning()) {
            throw new IllegalStateException("the cluster runs no collector, Prometheus and Jaeger to check: " + report.errors().size() + " problem(s)");
        }
        try {
            ForwardedEndpoints forwarded = ForwardedEndpoints.open(EndpointPlan.of(report.model().orElseThrow()), forwarder);
            return new AttachedStack(cluster, forwarded, forwarder, failureBundle(report.snapshot()), context);
        } catch (RuntimeException e) {
            forwarder.close();
            throw e;
        }
    }

    /** A failure bundle over the namespaces the check read (it only reads, too). */
    public FailureBundle failureBundle(ClusterSnapshot snapshot) {
        return new FailureBundle(client, List.copyOf(snapshot.namespaces()), List.copyOf(customKinds()));
    }

    private Set<String> namespaces() {
        Set<String> namespaces = new LinkedHashSet<>();
        plan.steps().forEach(s -> s.waitFor().forEach(w -> namespaces.add(w.namespace())));
        expected.ofKind("Namespace").forEach(r -> namespaces.add(r.name()));
        expected.resources().stream().filter(r -> !"Namespace".equals(r.kind())).forEach(r -> namespaces.add(r.namespace()));
        return namespaces;
    }

    private Set<CustomKind> customKinds() {
        Set<CustomKind> kinds = new LinkedHashSet<>();
        for (SourcedResource r : expected.resources()) {
            if (r.resource() instanceof GenericKubernetesResource) {
                kinds.add(new CustomKind(r.resource().getApiVersion(), r.kind()));
            }
        }
        return kinds;
    }

    /** A release step (cert-manager, the operator): its Deployments exist, are Ready, and run no image an overlay replaces. */
    private void releaseStep(Step step, ClusterSnapshot snapshot, List<Advice> advice) {
        List<String> missing = new ArrayList<>();
        for (WaitTarget t : step.waitFor()) {
            Optional<Deployment> d = snapshot.deployment(t.namespace(), t.name());
            if (d.isEmpty()) {
                missing.add("Deployment " + t.namespace() + "/" + t.name());
                continue;
            }
            notReady(step, d.get(), snapshot, advice);
            for (Container c : d.get().getSpec().getTemplate().getSpec().getContainers()) {
                fixes.overlayReplacing(c.getImage()).ifPresent(overlay -> advice.add(Advice.warning(step.title(), "Deployment "
                        + t.namespace() + "/" + t.name() + " runs " + c.getImage() + " in container " + c.getName() + ": " + overlay.reason().strip()
                        + " It works only while the node has the image cached.", setImage(t, c.getName(), overlay.replaceImage().to()))));
            }
        }
        if (!missing.isEmpty()) {
            advice.add(Advice.error(step.title(), step.title().replaceFirst("^\\S+ \\S+: ", "") + " is not installed: "
                    + String.join(", ", missing) + (missing.size() == 1 ? " does" : " do") + " not exist", fixes.apply(step.id())));
        }
    }

    /** A project step: every object of its file exists, and its Deployments (and waitFor ones) are Ready. */
    private void projectStep(Step step, ClusterSnapshot snapshot, List<Advice> advice) {
        List<SourcedResource> own = expected.resources().stream().filter(r -> r.origin().equals(step.file())).toList();
        List<String> missing = new ArrayList<>();
        Set<String> unservedKinds = new LinkedHashSet<>();
        for (SourcedResource r : own) {
            if (!(r.resource() instanceof GenericKubernetesResource) && !ClusterReader.BUILT_IN_KINDS.contains(r.kind())) {
                continue;
            }
            String ns = "Namespace".equals(r.kind()) ? null : r.namespace();
            if (snapshot.find(r.kind(), ns, r.name()).isEmpty()) {
                missing.add(r.describe().replace("Namespace default/", "Namespace "));
                if (r.resource() instanceof GenericKubernetesResource && !snapshot.serves(r.resource().getApiVersion(), r.kind())) {
                    unservedKinds.add(r.kind());
                }
            }
        }
        if (!missing.isEmpty()) {
            boolean none = own.stream().allMatch(r -> snapshot.find(r.kind(), "Namespace".equals(r.kind()) ? null : r.namespace(), r.name()).isEmpty());
            String problem = (none ? "the step is not applied: none of its objects exist (" : "missing: ")
                    + String.join(", ", missing) + (none ? ")" : "");
            if (!unservedKinds.isEmpty()) {
                problem += "; the cluster does not know the kind " + String.join(", ", unservedKinds) + ", so the operator must be"
                        + " installed first";
            }
            advice.add(Advice.error(step.title(), problem, fixes.apply(step.id())));
        }
        Set<String> deployments = new LinkedHashSet<>();
        own.stream().filter(r -> "Deployment".equals(r.kind())).forEach(r -> deployments.add(r.namespace() + "/" + r.name()));
        step.waitFor().forEach(w -> deployments.add(w.namespace() + "/" + w.name()));
        for (String key : deployments) {
            String[] parts = key.split("/", 2);
            Optional<Deployment> d = snapshot.deployment(parts[0], parts[1]);
            if (d.isPresent()) {
                notReady(step, d.get(), snapshot, advice);
            } else if (own.stream().noneMatch(r -> "Deployment".equals(r.kind()) && key.equals(r.namespace() + "/" + r.name()))) {
                renderedMissing(step, parts[0], parts[1], own, snapshot, advice);
            }
        }
    }

    /** A waitFor Deployment no file creates: an operator renders it from a custom resource of the step. */
    private void renderedMissing(Step step, String ns, String name, List<SourcedResource> own, ClusterSnapshot snapshot, List<Advice> advice) {
        List<SourcedResource> present = own.stream().filter(r -> r.resource() instanceof GenericKubernetesResource)
                .filter(r -> snapshot.find(r.kind(), r.namespace(), r.name()).isPresent()).toList();
        if (present.isEmpty()) {
            return; // the custom resource itself is missing: already advised
        }
        String operator = plan.steps().stream().filter(s -> !s.isLocal() && !s.overlays().isEmpty()).findFirst()
                .or(() -> plan.steps().stream().filter(s -> !s.isLocal()).reduce((a, b) -> b))
                .map(s -> s.waitFor().isEmpty() ? s.id() : "Deployment " + s.waitFor().get(0).namespace() + "/" + s.waitFor().get(0).name())
                .orElse("the operator");
        advice.add(Advice.error(step.title(), "Deployment " + ns + "/" + name + " does not exist although " + present.get(0).describe()
                + " does: the operator has not rendered it (is " + operator + " Ready? its webhook rejects or ignores the resource"
                + " while it is not)", "make the operator Ready (see its advice), then look at its log: kubectl -n "
                + operatorNamespace() + " logs deployment/" + operatorDeployment() + " -c manager"));
    }

    private String operatorNamespace() {
        return operatorTarget().map(WaitTarget::namespace).orElse("<operator namespace>");
    }

    private String operatorDeployment() {
        return operatorTarget().map(WaitTarget::name).orElse("<operator deployment>");
    }

    private Optional<WaitTarget> operatorTarget() {
        return plan.steps().stream().filter(s -> !s.isLocal()).reduce((a, b) -> b).flatMap(s -> s.waitFor().stream().findFirst());
    }

    private void notReady(Step step, Deployment d, ClusterSnapshot snapshot, List<Advice> advice) {
        if (Rollout.isReady(d)) {
            return;
        }
        String ns = d.getMetadata().getNamespace();
        String name = d.getMetadata().getName();
        List<Pod> pods = snapshot.podsOf(d);
        Optional<PodDiagnosis.Stuck> stuck = PodDiagnosis.firstStuck(pods);
        String problem = "Deployment " + ns + "/" + name + " is not Ready: " + Rollout.describe(d)
                + (pods.isEmpty() ? "" : "; " + String.join("; ", PodDiagnosis.describe(pods)));
        String fix = "kubectl -n " + ns + " describe pods -l " + selector(d) + "; kubectl -n " + ns + " logs deployment/" + name + " --all-containers";
        if (stuck.isPresent() && stuck.get().isImagePull()) {
            String image = stuck.get().image();
            Optional<StepPlan.Overlay> overlay = fixes.overlayReplacing(image);
            if (overlay.isPresent()) {
                problem += ". " + image + ": " + overlay.get().reason().strip();
                fix = setImage(new WaitTarget("Deployment", ns, name), stuck.get().container(), overlay.get().replaceImage().to());
            } else {
                fix = "make " + image + " pullable from the cluster's nodes (a registry the nodes reach, or load it into the nodes);"
                        + " then: " + fix;
            }
        }
        advice.add(Advice.error(step.title(), problem, fix));
    }

    private static String selector(Deployment d) {
        Map<String, String> labels = d.getSpec().getSelector() == null || d.getSpec().getSelector().getMatchLabels() == null ? Map.of()
                : d.getSpec().getSelector().getMatchLabels();
        return String.join(",", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private static String setImage(WaitTarget t, String container, String image) {
        return "kubectl -n " + t.namespace() + " set image deployment/" + t.name() + " " + container + "=" + image;
    }

    /** A collector without spanmetrics: which chapter's configuration it is, and the step-06 file to apply. */
    private void collectorStage(StackModel model, List<Advice> advice) {
        for (CollectorModel collector : model.collectors()) {
            if (!collector.config().connectorsOfType("spanmetrics").isEmpty()) {
                continue;
            }
            String step = stepOf(collector.source()).orElse(stepOf(collector.source().kind()).orElse("collector"));
            advice.add(Advice.error(fixes.title(step), collector.source().describe() + " has no spanmetrics connector: its"
                    + " configuration is the one of step " + CollectorStage.of(collector.config()).description() + ", so no RED metrics"
                    + " (calls_total, duration_milliseconds_*) are produced and Jaeger's Monitor tab stays empty", fixes.apply(step)));
        }
    }

    /** Lint errors of the live state, each attributed to the step whose file holds the resource. */
    private void translate(LintResult lint, List<Advice> advice) {
        Set<String> spmOff = new LinkedHashSet<>();
        lint.byRule("jaeger-spm").forEach(f -> spmOff.add(f.resource()));
        for (Finding f : lint.errors()) {
            if (f.rule().equals("red-unsampled") && f.message().contains("has no spanmetrics connector")) {
                continue; // said by collectorStage, with the chapter it comes from
            }
            if (spmOff.contains(f.resource()) && !f.rule().equals("jaeger-spm")) {
                continue; // the rest of the SPM settings are missing with METRICS_STORAGE_TYPE: one fix for all
            }
            Optional<String> step = stepOfResource(f.resource());
            String title = step.map(fixes::title).orElse(plan.tutorial().chapter());
            String fix = step.map(fixes::apply).orElse("compare with the tutorial's step-06 files at commit " + plan.tutorial().commit());
            if (f.rule().equals("jaeger-spm")) {
                advice.add(Advice.error(title, f.resource() + ": Jaeger SPM is not configured (" + f.message() + "). The chapter's text"
                        + " shows these environment variables but gives no command to apply them: they are in "
                        + step.map(s -> fixes.step(s).mirrors()).orElse("the step-06 backend") + ".", fix));
            } else {
                advice.add(Advice.error(title, f.resource() + ": " + f.message() + " [lint rule " + f.rule() + "]", fix));
            }
        }
    }

    /** App Deployments carry the injection annotations of the bundled app, and their pods were actually injected. */
    private void injection(ClusterSnapshot snapshot, List<Advice> advice) {
        for (SourcedResource r : expected.ofType(Deployment.class)) {
            Map<String, String> wanted = new LinkedHashMap<>();
            Deployment expectedDeployment = (Deployment) r.resource();
            Map<String, String> annotations = expectedDeployment.getSpec().getTemplate().getMetadata().getAnnotations();
            if (annotations != null) {
                annotations.forEach((k, v) -> {
                    if (k.startsWith(INJECT_PREFIX)) {
                        wanted.put(k, v);
                    }
                });
            }
            Optional<Deployment> actual = snapshot.deployment(r.namespace(), r.name());
            if (wanted.isEmpty() || actual.isEmpty()) {
                continue;
            }
            Map<String, String> has = actual.get().getSpec().getTemplate().getMetadata() == null
                    || actual.get().getSpec().getTemplate().getMetadata().getAnnotations() == null ? Map.of()
                    : actual.get().getSpec().getTemplate().getMetadata().getAnnotations();
            String step = stepOf(r).orElse("app");
            for (Map.Entry<String, String> a : wanted.entrySet()) {
                if (!a.getValue().equals(has.get(a.getKey()))) {
                    advice.add(Advice.error(fixes.title(step), r.describe() + " has no pod annotation " + a.getKey() + ": \"" + a.getValue()
                            + "\", so the operator injects nothing and " + r.name() + " sends no spans", "kubectl patch deployment " + r.name()
                            + " -n " + r.namespace() + " -p '{\"spec\": {\"template\":{\"metadata\":{\"annotations\":{\"" + a.getKey()
                            + "\":\"" + a.getValue() + "\"}}}} }'"));
                }
            }
            List<Pod> pods = snapshot.podsOf(actual.get()).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
            List<String> bare = pods.stream().filter(p -> !injected(p)).map(p -> p.getMetadata().getName()).toList();
            if (wanted.entrySet().stream().allMatch(a -> a.getValue().equals(has.get(a.getKey()))) && !pods.isEmpty() && !bare.isEmpty()) {
                advice.add(Advice.error(fixes.title(step), "pod " + String.join(", ", bare) + " of " + r.describe() + " runs without"
                        + " the operator's injection (it started before the operator or the Instrumentation was ready), so it sends"
                        + " no spans", "kubectl rollout restart deployment/" + r.name() + " -n " + r.namespace()));
            }
        }
    }

    /** The operator injected the pod: an auto-instrumentation init container, or the SDK's OTEL_* environment. */
    static boolean injected(Pod pod) {
        if (pod.getSpec() == null) {
            return false;
        }
        Stream<Container> init = pod.getSpec().getInitContainers() == null ? Stream.empty() : pod.getSpec().getInitContainers().stream();
        if (init.anyMatch(c -> c.getName() != null && c.getName().startsWith("opentelemetry-auto-instrumentation"))) {
            return true;
        }
        return pod.getSpec().getContainers().stream().flatMap(c -> c.getEnv() == null ? Stream.<EnvVar>empty() : c.getEnv().stream())
                .anyMatch(e -> "OTEL_SERVICE_NAME".equals(e.getName()) || "OTEL_EXPORTER_OTLP_ENDPOINT".equals(e.getName()));
    }

    private Optional<String> stepOf(SourcedResource clusterResource) {
        return stepOfResource(clusterResource.describe());
    }

    /** The project step whose file holds a resource of this kind (e.g. the collector CR's step). */
    private Optional<String> stepOf(String kind) {
        return expected.ofKind(kind).stream().findFirst().flatMap(r -> stepOfFile(r.origin()));
    }

    /** The project step whose file holds the resource {@code Kind namespace/name}. */
    private Optional<String> stepOfResource(String described) {
        return expected.resources().stream().filter(r -> r.describe().equals(described)).findFirst().flatMap(r -> stepOfFile(r.origin()));
    }

    private Optional<String> stepOfFile(String file) {
        return plan.localSteps().stream().filter(s -> s.file().equals(file)).map(Step::id).findFirst();
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
