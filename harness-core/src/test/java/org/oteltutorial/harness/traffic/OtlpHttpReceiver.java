package org.oteltutorial.harness.traffic;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OTLP/HTTP traces receiver on loopback: accepts {@code POST /v1/traces}, counts requests and bytes without
 * decoding them, and answers with a fixed status (200 and an empty protobuf body, unless told otherwise).
 */
final class OtlpHttpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();
  private final CountDownLatch released = new CountDownLatch(1);
  private final int status;

  private OtlpHttpReceiver(int status) throws IOException {
    this.status = status;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A receiver that accepts everything. */
  static OtlpHttpReceiver accepting() throws IOException {
    return new OtlpHttpReceiver(200);
  }

  /** A receiver that reads every export and answers none until it is closed. */
  static OtlpHttpReceiver hanging() throws IOException {
    return new OtlpHttpReceiver(0);
  }

  /** A receiver that answers every export with {@code status}. */
  static OtlpHttpReceiver answering(int status) throws IOException {
    return new OtlpHttpReceiver(status);
  }

  String tracesUrl() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1/traces";
  }

  int requests() {
    return requests.get();
  }

  long bytes() {
    return bytes.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      long read;
      try (InputStream body = exchange.getRequestBody()) {
        read = body.transferTo(OutputStream.nullOutputStream());
      }
      requests.incrementAndGet();
      bytes.addAndGet(read);
      if (status == 0) {
        awaitClose();
        return;
      }
      if (status == 200) {
        exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
      } else {
        byte[] answer = ("receiver refuses with " + status).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
      }
    }
  }

  private void awaitClose() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
