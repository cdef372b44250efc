package org.oteltutorial.harness.matrix;

import java.util.Optional;
import org.oteltutorial.harness.tutorial.StackModel;

/** One kind of manifest change the advice can contain; it applies only where the model shows its break. */
interface Fix {

    /** The changed files and what was changed, or empty when the manifests do not have this break. */
    Optional<Applied> apply(ManifestFiles files, StackModel model);

    record Applied(ManifestFiles files, AdviceItem advice) {
    }
}
