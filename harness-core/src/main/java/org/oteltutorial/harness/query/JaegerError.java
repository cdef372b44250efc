package org.oteltutorial.harness.query;

/** One entry of the {@code errors} list in a Jaeger query response: {@code {"code":501,"msg":"..."}}. */
public record JaegerError(int code, String msg) {

    @Override
    public String toString() {
        return code + " " + msg;
    }
}
