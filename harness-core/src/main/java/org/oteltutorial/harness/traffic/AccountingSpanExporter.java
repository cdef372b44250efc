package org.oteltutorial.harness.traffic;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts what its delegate really delivered. A {@code BatchSpanProcessor}'s {@code forceFlush()} succeeds even when
 * the export failed (and silently drops spans when its queue is full), so the generator asks this instead: how many
 * spans were handed to the exporter, how many the receiver accepted, and the first failure's cause.
 */
final class AccountingSpanExporter implements SpanExporter {

  private final SpanExporter delegate;
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicReference<Throwable> firstCause = new AtomicReference<>();
  private final List<CompletableResultCode> exports = new ArrayList<>();

  AccountingSpanExporter(SpanExporter delegate) {
    this.delegate = delegate;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    int size = spans.size();
    offered.addAndGet(size);
    CompletableResultCode result;
    try {
      result = delegate.export(spans);
    } catch (RuntimeException e) {
      result = CompletableResultCode.ofExceptionalFailure(e);
    }
    CompletableResultCode export = result;
    // Count first, then publish: whoever waits on allExports() sees the counts of every export it waited for.
    export.whenComplete(() -> {
      if (export.isSuccess()) {
        accepted.addAndGet(size);
      } else {
        rejected.addAndGet(size);
        if (export.getFailureThrowable() != null) {
          firstCause.compareAndSet(null, export.getFailureThrowable());
        }
      }
    });
    synchronized (exports) {
      exports.add(export);
    }
    return export;
  }

  /** Completes when every export so far has completed (successfully or not). */
  CompletableResultCode allExports() {
    List<CompletableResultCode> copy;
    synchronized (exports) {
      copy = List.copyOf(exports);
    }
    CompletableResultCode all = new CompletableResultCode();
    CompletableResultCode.ofAll(copy).whenComplete(all::succeed);
    return all;
  }

  long offered() {
    return offered.get();
  }

  long accepted() {
    return accepted.get();
  }

  long rejected() {
    return rejected.get();
  }

  /** The first failed export's cause, or null when none failed or none said why. */
  Throwable firstCause() {
    return firstCause.get();
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  @Override
  public String toString() {
    return "AccountingSpanExporter{" + delegate + "}";
  }
}
