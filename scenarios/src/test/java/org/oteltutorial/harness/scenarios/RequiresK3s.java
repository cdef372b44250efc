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
import org.oteltutorial.harness.stack.k3s.K3sStackProvider;

/**
 * Runs a scenario only where k3s can run (Docker that allows privileged containers, the k3s image, the tutorial's
 * images or a registry); elsewhere it is skipped with the reason. {@code -Dharness.require=k3s} turns the skip into a
 * failure, for machines that must run it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresK3s.Condition.class)
@interface RequiresK3s {

    /** Asks the k3s provider's environment check, which answers in seconds. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                new K3sStackProvider().checkEnvironment();
                return ConditionEvaluationResult.enabled("k3s can run here");
            } catch (EnvironmentException e) {
                if (System.getProperty("harness.require", "").contains("k3s")) {
                    throw new IllegalStateException("-Dharness.require=k3s, but " + e.getMessage(), e);
                }
                // Surefire's console shows only a count of skipped tests; say why where people look.
                System.out.println("[k3s scenario skipped] " + context.getDisplayName() + ": " + e.getMessage());
                return ConditionEvaluationResult.disabled(e.getMessage());
            }
        }
    }
}
