package org.oteltutorial.harness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A chapter scenario on the bundled step-06 manifests: one stack for the test class (from {@code -Dharness.stack},
 * default {@code local}), closed after the class also when a test fails, and parameters for what a test needs
 * ({@link ChapterStack} lists them). For a variant of the manifests, register {@link ChapterStack#of} instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChapterStack.class)
public @interface ChapterScenario {
}
