package org.oteltutorial.harness.topology;

import io.fabric8.kubernetes.api.model.ServicePort;
import org.oteltutorial.harness.tutorial.SourcedService;
import org.oteltutorial.harness.tutorial.Workload;

/** Where an endpoint leads inside the stack. */
public sealed interface Resolution {

    /** The endpoint reaches a container port of a workload (through a Service, or inside the same pod). */
    record Reached(Endpoint endpoint, SourcedService service, ServicePort servicePort, Workload workload, int containerPort)
            implements Resolution {

        public String describe() {
            String via = service == null ? "inside the pod" : service.describe() + " port " + servicePort.getPort();
            return endpoint.raw() + " → " + via + " → " + workload.describe() + " port " + containerPort;
        }
    }

    /** The endpoint names something the stack does not have, or that does not listen there; {@code reason} says which hop failed. */
    record Unreached(Endpoint endpoint, String reason) implements Resolution {
    }

    /**
     * The endpoint is outside the stack (an IP address, an external host name, or a Service in a namespace the
     * manifests do not describe); nothing can be said about it.
     */
    record External(Endpoint endpoint) implements Resolution {
    }
}
