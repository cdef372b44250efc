package org.oteltutorial.harness.lint;

import java.util.List;

/** One lint rule. A rule whose inputs are absent from the manifests returns no findings. */
public interface Rule {

    /** Stable id, shown with every finding, e.g. {@code metric-names}. */
    String id();

    /** One line: what the rule protects. */
    String description();

    List<Finding> check(LintContext context);
}
