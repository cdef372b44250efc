package org.oteltutorial.harness.matrix;

import java.util.ArrayList;
import java.util.List;
import org.oteltutorial.harness.tutorial.StackModel;

/** The minimal manifest changes for a cell: each fix whose break the manifests show, applied in turn to a copy. */
final class Advisor {

    private final List<Fix> fixes = List.of(new PrometheusFlagFix(), new ConnectorNamespaceFix(), new JaegerV2ConfigFix());

    record Advice(ManifestFiles files, List<AdviceItem> items) {
    }

    Advice advise(ManifestFiles files) {
        ManifestFiles current = files;
        List<AdviceItem> items = new ArrayList<>();
        for (Fix fix : fixes) {
            StackModel model = StackModel.from(current.manifests());
            var applied = fix.apply(current, model);
            if (applied.isPresent()) {
                current = applied.get().files();
                items.add(applied.get().advice());
            }
        }
        return new Advice(current, items);
    }
}
