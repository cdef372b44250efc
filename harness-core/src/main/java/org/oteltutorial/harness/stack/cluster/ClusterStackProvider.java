package org.oteltutorial.harness.stack.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.oteltutorial.harness.stack.Stack;
import org.oteltutorial.harness.stack.StackContext;
import org.oteltutorial.harness.stack.StackProvider;
import org.oteltutorial.harness.tutorial.StackModel;
import org.oteltutorial.harness.tutorial.StepPlan;

/**
 * An existing cluster, from {@code --kubeconfig}/{@code --context}: {@link #start} deploys the tutorial into it and the
 * stack removes what it created when closed. The read-only self-check ({@code ./harness check}) is
 * {@link org.oteltutorial.harness.check.SelfCheck}, on the same {@link ClusterTarget}.
 */
public final class ClusterStackProvider implements StackProvider {

    private static final OperatorSubstitution.Reasons WITHOUT_OPERATOR = new OperatorSubstitution.Reasons(
            "the run was asked to go --without operator", "it needs the operator's injection (--without operator)");

    /** How long {@link #checkEnvironment()} waits for the API server. */
    public static final Duration REACH_TIMEOUT = Duration.ofSeconds(5);

    private final ClusterTarget target;
    private final StepPlan plan;
    private final ManifestCache cache;
    private final ApplyTimeouts timeouts;
    private final boolean withoutOperator;

    public ClusterStackProvider(ClusterTarget target) {
        this(target, StepPlan.bundled(), new ManifestCache(ManifestCache.defaultDirectory(), new OkHttpDownloader()), ApplyTimeouts.defaults());
    }

    public ClusterStackProvider(ClusterTarget target, StepPlan plan, ManifestCache cache, ApplyTimeouts timeouts) {
        this(target, plan, cache, timeouts, false);
    }

    private ClusterStackProvider(ClusterTarget target, StepPlan plan, ManifestCache cache, ApplyTimeouts timeouts, boolean withoutOperator) {
        this.target = target;
        this.plan = plan;
        this.cache = cache;
        this.timeouts = timeouts;
        this.withoutOperator = withoutOperator;
    }

    /** For the CLI: {@code --kubeconfig} and {@code --context}, either may be absent. */
    public static ClusterStackProvider of(Optional<Path> kubeconfig, Optional<String> context) {
        return new ClusterStackProvider(new ClusterTarget(kubeconfig, context));
    }

    /**
     * {@code --without operator}: cert-manager, the operator and the demo app are skipped and the collector CR is applied
     * as what operator v0.94 creates from it ({@link OperatorSubstitution}), for clusters where the operator cannot run.
     */
    public ClusterStackProvider withoutOperator() {
        return new ClusterStackProvider(target, plan, cache, timeouts, true);
    }

    @Override
    public String name() {
        return "cluster";
    }

    /** The kubeconfig and context exist and the API server answers within {@link #REACH_TIMEOUT}. */
    @Override
    public void checkEnvironment() {
        target.checkReachable(REACH_TIMEOUT);
    }

    /**
     * Deploys the model's manifests (the bundled ones, or a directory given with {@code --manifests}) after the release
     * steps, into the target cluster.
     */
    @Override
    public Stack start(StackModel model, StackContext context) {
        KubernetesClient client = target.connect();
        String cluster = target.describe();
        context.progress().accept("deploying the tutorial into " + cluster);
        StepPlan steps = plan;
        StackModel deployed = model;
        List<String> notes = List.of();
        if (withoutOperator) {
            OperatorSubstitution.Result substituted = new OperatorSubstitution().apply(plan, model.manifests(), WITHOUT_OPERATOR);
            steps = substituted.plan();
            deployed = StackModel.from(substituted.manifests());
            notes = substituted.notes();
        }
        ClusterDeployment deployment = new ClusterDeployment(client, steps, new StepSource(cache, deployed.manifests()), deployed, context, timeouts);
        try {
            return new ClusterStack(deployment, deployment.deploy(), context, cluster, timeouts.crd(), notes);
        } catch (RuntimeException e) {
            deployment.writeFailureBundle();
            deployment.close();
            if (context.keepOnFailure()) {
                context.progress().accept("kept on failure: " + deployment.created().size() + " created objects left in " + cluster);
            } else {
                List<String> problems = new ObjectCleanup(client, context.progress(), timeouts.crd()).deleteInReverse(deployment.created());
                problems.forEach(p -> context.progress().accept("cleanup: " + p));
            }
            client.close();
            throw e;
        }
    }
}
