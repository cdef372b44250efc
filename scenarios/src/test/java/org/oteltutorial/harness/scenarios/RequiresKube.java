package org.oteltutorial.harness.scenarios;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.oteltutorial.harness.stack.EnvironmentException;
import org.oteltutorial.harness.stack.kube.KubeStackProvider;

/**
 * Runs a scenario only where the kube stack can run (root on Linux with its Debian packages, Go or the built
 * binaries, no other kube cluster running); elsewhere it is skipped with the reason. {@code -Dharness.require=kube}
 * turns the skip into a failure.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresKube.Condition.class)
@interface RequiresKube {

    /** Asks the kube provider's environment check, which answers in milliseconds. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("decided for the class");
            }
            try {
                new KubeStackProvider().checkEnvironment();
                return ConditionEvaluationResult.enabled("the kube stack can run here");
            } catch (EnvironmentException e) {
                if (System.getProperty("harness.require", "").contains("kube")) {
                    throw new IllegalStateException("-Dharness.require=kube, but " + e.getMessage(), e);
                }
                System.out.println("[kube scenario skipped] " + context.getDisplayName() + ": " + e.getMessage());
                return ConditionEvaluationResult.disabled(e.getMessage());
            }
        }
    }
}
