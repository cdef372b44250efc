package org.oteltutorial.harness.lint;

import java.util.List;

/** A rule over the reader's path: a hazard a reader meets, or a place where a chapter's text and its files disagree. */
public interface PathRule {

    String id();

    String description();

    List<Finding> check(PathContext context);
}
