package org.oteltutorial.harness.tutorial;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A release version {@code major.minor.patch}, read from tags such as {@code v2.47.2}, {@code 0.94.0} or {@code 1.54}. */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

    private static final Pattern SEMVER = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+].*)?");

    public static Optional<Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SEMVER.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
    }

    public static Version of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a version: " + text));
    }

    public boolean atLeast(Version other) {
        return compareTo(other) >= 0;
    }

    public boolean below(Version other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Version o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
