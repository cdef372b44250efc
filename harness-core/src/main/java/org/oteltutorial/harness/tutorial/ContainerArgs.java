package org.oteltutorial.harness.tutorial;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command-line flags of a container ({@code command} then {@code args}), in {@code --name=value} or {@code --name value} form. */
public record ContainerArgs(List<String> all) {

    public ContainerArgs {
        all = List.copyOf(all);
    }

    public static ContainerArgs of(Container c) {
        List<String> all = new ArrayList<>();
        if (c.getCommand() != null) {
            all.addAll(c.getCommand());
        }
        if (c.getArgs() != null) {
            all.addAll(c.getArgs());
        }
        return new ContainerArgs(all);
    }

    /** The value of {@code --name} (or {@code -name}); the last occurrence wins, as with Go's flag parsers. */
    public Optional<String> value(String name) {
        String found = null;
        for (int i = 0; i < all.size(); i++) {
            String a = all.get(i);
            String bare = a.replaceFirst("^--?", "");
            if (bare.equals(a)) {
                continue;
            }
            if (bare.startsWith(name + "=")) {
                found = bare.substring(name.length() + 1);
            } else if (bare.equals(name) && i + 1 < all.size() && !all.get(i + 1).startsWith("-")) {
                found = all.get(i + 1);
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The value of a boolean flag as Go's pflag reads it: {@code --name} alone means {@code true} (a bool flag takes no
     * separate value), {@code --name=value} gives the value; the last occurrence wins.
     */
    public Optional<String> booleanValue(String name) {
        String found = null;
        for (String a : all) {
            String bare = a.replaceFirst("^--?", "");
            if (bare.equals(a)) {
                continue;
            }
            if (bare.equals(name)) {
                found = "true";
            } else if (bare.startsWith(name + "=")) {
                found = bare.substring(name.length() + 1);
            }
        }
        return Optional.ofNullable(found);
    }

    /** Every value given to a repeatable flag such as {@code --enable-feature} (comma lists are split). */
    public List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            String bare = all.get(i).replaceFirst("^--?", "");
            String v = null;
            if (bare.startsWith(name + "=")) {
                v = bare.substring(name.length() + 1);
            } else if (bare.equals(name) && !all.get(i).equals(bare) && i + 1 < all.size() && !all.get(i + 1).startsWith("-")) {
                v = all.get(i + 1);
            }
            if (v != null) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
        }
        return values;
    }

    /** Whether a boolean flag is set ({@code --name} or {@code --name=true}). */
    public boolean isSet(String name) {
        return all.stream().map(a -> a.replaceFirst("^--?", "")).anyMatch(a -> a.equals(name) || a.equals(name + "=true"));
    }
}
