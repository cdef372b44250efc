/**
 * Typed HTTP clients for the two query APIs the chapter's claims are judged against.
 *
 * <ul>
 *   <li>{@link org.oteltutorial.harness.query.PrometheusClient}: the Prometheus HTTP API ({@code /api/v1/query},
 *       {@code query_range}, label values, series, readiness), with exact parsing of string sample values
 *       ({@code "NaN"}, {@code "+Inf"}) and float-second timestamps.</li>
 *   <li>{@link org.oteltutorial.harness.query.JaegerQueryClient}: Jaeger's Service Performance Monitoring API
 *       ({@code /api/metrics/calls|errors|latencies}) and the classic search API ({@code /api/services},
 *       {@code /api/traces}).</li>
 * </ul>
 *
 * Results are immutable records. Every failure, whether an HTTP error, a connection failure or a response of an
 * unexpected shape, surfaces as one unchecked exception type per client that names the URL and what was asked.
 */
package org.oteltutorial.harness.query;
