package org.oteltutorial.harness.lint;

/** How bad a finding is: an error makes a claim of the chapter false; a warning is a risk worth knowing. */
public enum Severity {
    ERROR, WARNING
}
