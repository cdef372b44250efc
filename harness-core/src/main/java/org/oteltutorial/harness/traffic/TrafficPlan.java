package org.oteltutorial.harness.traffic;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * What traffic to send: how many requests, how many of them fail, how long they take, over which window, and under
 * which run id. A plan is deterministic: {@link #schedule()} is a pure function of it, and the same plan sent twice
 * gives the same trace ids, durations and statuses.
 *
 * <p>The seed drives the schedule (which requests fail, root durations, start offsets); the seed and the run id
 * together drive the trace and span ids, so two runs that share a seed but not a run id never share a trace id.
 *
 * @param seed the seed of every random choice
 * @param requests how many requests to send; at least 1
 * @param errorRatio the share of requests that fail, in [0, 1]; exactly {@link #errorRequests()} requests fail
 * @param latencyMix the bands the root spans' durations are drawn from; requests are apportioned to bands by weight
 * @param window the requests start spread over a window this long, which ends just as the last request ends
 * @param runId a short lowercase alphanumeric id appended to every service name ({@code frontend-deployment-<runId>})
 */
public record TrafficPlan(
    long seed, int requests, double errorRatio, List<LatencyBand> latencyMix, Duration window, String runId) {

  /** The default seed. */
  public static final long DEFAULT_SEED = 2024L;
  /** The default number of requests; kept below the tutorial's tail-sampling {@code num_traces: 100}. */
  public static final int DEFAULT_REQUESTS = 60;
  /** The default share of failing requests. */
  public static final double DEFAULT_ERROR_RATIO = 0.2;
  /**
   * The default latency mix: 70 % fast (20-300 ms) and 20 % moderate (300-480 ms) requests, clearly below the
   * tutorial's 500 ms tail-sampling latency threshold, and 10 % slow ones (600-1500 ms), clearly above it.
   */
  public static final List<LatencyBand> DEFAULT_LATENCY_MIX = List.of(
      LatencyBand.ofMillis(0.7, 20, 300),
      LatencyBand.ofMillis(0.2, 300, 480),
      LatencyBand.ofMillis(0.1, 600, 1500));
  /** The default window the requests are spread over. */
  public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);

  private static final Pattern RUN_ID = Pattern.compile("[a-z0-9]{1,16}");
  private static final String RUN_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int RUN_ID_LENGTH = 6;

  public TrafficPlan {
    Objects.requireNonNull(latencyMix, "latencyMix");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(runId, "runId");
    if (requests < 1) {
      throw new IllegalArgumentException("a traffic plan needs at least 1 request, was " + requests);
    }
    if (!(errorRatio >= 0 && errorRatio <= 1)) {
      throw new IllegalArgumentException("error ratio must be within [0, 1], was " + errorRatio);
    }
    latencyMix = List.copyOf(latencyMix);
    if (latencyMix.isEmpty()) {
      throw new IllegalArgumentException("the latency mix needs at least one band");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the window must be positive, was " + window);
    }
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException(
          "run id must be 1 to 16 lowercase letters or digits (it becomes part of service names), was '" + runId
              + "'");
    }
  }

  /** A builder with the defaults and a fresh random run id. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this plan. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The name a tutorial service gets in this run: {@code <service>-<runId>}. */
  public String serviceName(String service) {
    return service + "-" + runId;
  }

  /** How many requests fail: {@code round(requests * errorRatio)}. */
  public int errorRequests() {
    return (int) Math.round(requests * errorRatio);
  }

  /** How many requests each latency band gets: the requests apportioned by weight (largest remainder). */
  public List<Integer> requestsPerBand() {
    double total = latencyMix.stream().mapToDouble(LatencyBand::weight).sum();
    int bands = latencyMix.size();
    int[] counts = new int[bands];
    double[] remainders = new double[bands];
    int assigned = 0;
    for (int b = 0; b < bands; b++) {
      double exact = requests * latencyMix.get(b).weight() / total;
      counts[b] = (int) Math.floor(exact);
      remainders[b] = exact - counts[b];
      assigned += counts[b];
    }
    Integer[] order = new Integer[bands];
    Arrays.setAll(order, b -> b);
    Arrays.sort(order, (x, y) -> Double.compare(remainders[y], remainders[x]));
    for (int i = 0; assigned < requests; i = (i + 1) % bands, assigned++) {
      counts[order[i]]++;
    }
    return Arrays.stream(counts).boxed().toList();
  }

  /**
   * Whether no latency band reaches {@code threshold}: every band lies wholly below or wholly above it, so a
   * latency-based sampler's decision is clear for every request.
   */
  public boolean latencyMixSeparates(Duration threshold) {
    return latencyMix.stream().allMatch(b -> b.max().compareTo(threshold) < 0 || b.min().compareTo(threshold) > 0);
  }

  /**
   * The requests of this plan, in start order: which fail, how long each root span lasts (whole microseconds), and
   * when each starts relative to the window's start. A pure function of the plan.
   */
  public List<PlannedRequest> schedule() {
    RandomGenerator random = new SplittableRandom(seed);
    boolean[] errors = new boolean[requests];
    int[] shuffled = shuffledIndices(random);
    for (int i = 0; i < errorRequests(); i++) {
      errors[shuffled[i]] = true;
    }
    int[] bandOf = new int[requests];
    List<Integer> perBand = requestsPerBand();
    int next = 0;
    for (int b = 0; b < perBand.size(); b++) {
      for (int k = 0; k < perBand.get(b); k++) {
        bandOf[next++] = b;
      }
    }
    shuffle(bandOf, random);
    long spacingMicros = Math.max(1, window.toNanos() / 1_000 / requests);
    List<PlannedRequest> out = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      LatencyBand band = latencyMix.get(bandOf[i]);
      long jitterMicros = random.nextLong(Math.max(1, spacingMicros / 2));
      Duration start = Duration.ofNanos((i * spacingMicros + jitterMicros) * 1_000);
      long rangeMicros = band.max().minus(band.min()).toNanos() / 1_000;
      Duration root = band.min().plusNanos(random.nextLong(rangeMicros + 1) * 1_000);
      out.add(new PlannedRequest(i, start, root, errors[i], bandOf[i]));
    }
    return List.copyOf(out);
  }

  private int[] shuffledIndices(RandomGenerator random) {
    int[] indices = new int[requests];
    Arrays.setAll(indices, i -> i);
    shuffle(indices, random);
    return indices;
  }

  private static void shuffle(int[] values, RandomGenerator random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }

  private static String freshRunId() {
    RandomGenerator random = new SecureRandom();
    StringBuilder id = new StringBuilder(RUN_ID_LENGTH);
    for (int i = 0; i < RUN_ID_LENGTH; i++) {
      id.append(RUN_ID_ALPHABET.charAt(random.nextInt(RUN_ID_ALPHABET.length())));
    }
    return id.toString();
  }

  /** Builds a {@link TrafficPlan}; every value has a default (see the constants of {@link TrafficPlan}). */
  public static final class Builder {
    private long seed = DEFAULT_SEED;
    private int requests = DEFAULT_REQUESTS;
    private double errorRatio = DEFAULT_ERROR_RATIO;
    private List<LatencyBand> latencyMix = DEFAULT_LATENCY_MIX;
    private Duration window = DEFAULT_WINDOW;
    private String runId;

    private Builder() {
      this.runId = freshRunId();
    }

    private Builder(TrafficPlan plan) {
      this.seed = plan.seed;
      this.requests = plan.requests;
      this.errorRatio = plan.errorRatio;
      this.latencyMix = plan.latencyMix;
      this.window = plan.window;
      this.runId = plan.runId;
    }

    public Builder withSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder withRequests(int requests) {
      this.requests = requests;
      return this;
    }

    public Builder withErrorRatio(double errorRatio) {
      this.errorRatio = errorRatio;
      return this;
    }

    public Builder withLatencyMix(List<LatencyBand> latencyMix) {
      this.latencyMix = Objects.requireNonNull(latencyMix, "latencyMix");
      return this;
    }

    public Builder withLatencyMix(LatencyBand... latencyMix) {
      return withLatencyMix(List.of(latencyMix));
    }

    public Builder withWindow(Duration window) {
      this.window = Objects.requireNonNull(window, "window");
      return this;
    }

    public Builder withRunId(String runId) {
      this.runId = Objects.requireNonNull(runId, "runId");
      return this;
    }

    /** @throws IllegalArgumentException when a value is out of range; the message names it */
    public TrafficPlan build() {
      return new TrafficPlan(seed, requests, errorRatio, latencyMix, window, runId);
    }
  }
}
