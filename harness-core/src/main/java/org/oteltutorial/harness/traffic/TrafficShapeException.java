package org.oteltutorial.harness.traffic;

/** A traffic shape file that cannot be read or does not describe a valid shape; the message says where and why. */
public final class TrafficShapeException extends IllegalArgumentException {

  private final String source;

  TrafficShapeException(String source, String message, Throwable cause) {
    super(source + ": " + message, cause);
    this.source = source;
  }

  /** The file or resource that was being read. */
  public String source() {
    return source;
  }
}
