package org.oteltutorial.harness.reader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.reader.ReaderCommand.Apply;
import org.oteltutorial.harness.reader.ReaderCommand.Delete;
import org.oteltutorial.harness.reader.ReaderCommand.NotExecuted;
import org.oteltutorial.harness.reader.ReaderCommand.ObjectName;
import org.oteltutorial.harness.reader.ReaderCommand.Patch;
import org.oteltutorial.harness.reader.ReaderCommand.Restart;
import org.oteltutorial.harness.reader.ReaderCommand.SetEnv;
import org.oteltutorial.harness.reader.ReaderCommand.SetImage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads a chapter's command line into the {@link ReaderCommand}s it stands for (one per {@code ;}/{@code &&} part). */
final class CommandParser {

    private static final Set<String> READ_ONLY = Set.of("get", "describe", "logs", "port-forward", "diff", "explain", "top",
            "version", "cluster-info", "config", "wait", "api-resources", "auth", "events", "proxy", "exec");
    private static final Set<String> VALUE_FLAGS = Set.of("-n", "--namespace", "-f", "--filename", "-p", "--patch", "--type",
            "-c", "--containers", "-o", "--output", "--context", "--kubeconfig", "-l", "--selector", "--field-manager");
    private static final Map<String, String> KINDS = Map.ofEntries(Map.entry("deployment", "Deployment"),
            Map.entry("deploy", "Deployment"), Map.entry("statefulset", "StatefulSet"), Map.entry("sts", "StatefulSet"),
            Map.entry("daemonset", "DaemonSet"), Map.entry("ds", "DaemonSet"), Map.entry("pod", "Pod"), Map.entry("po", "Pod"),
            Map.entry("service", "Service"), Map.entry("svc", "Service"), Map.entry("configmap", "ConfigMap"),
            Map.entry("cm", "ConfigMap"), Map.entry("namespace", "Namespace"), Map.entry("ns", "Namespace"),
            Map.entry("opentelemetrycollector", "OpenTelemetryCollector"), Map.entry("otelcol", "OpenTelemetryCollector"),
            Map.entry("instrumentation", "Instrumentation"), Map.entry("otelinst", "Instrumentation"));
    private static final Map<String, String> LONG_NAMES = Map.of("-n", "--namespace", "-f", "--filename", "-p", "--patch",
            "-c", "--containers", "-o", "--output", "-l", "--selector");

    private final JsonMapper json = JsonMapper.builder().build();

    List<ReaderCommand> parse(ChapterLine line) {
        List<String> words = ShellWords.split(line);
        List<ReaderCommand> commands = new ArrayList<>();
        List<String> part = new ArrayList<>();
        boolean piped = false;
        for (String w : words) {
            if (w.equals(";") || w.equals("&&") || w.equals("||")) {
                addPart(line, part, piped, commands);
                part = new ArrayList<>();
                piped = false;
            } else if (w.equals("|")) {
                piped = true;
            } else if (!w.equals("&")) {
                if (!piped) {
                    part.add(w);
                }
            }
        }
        addPart(line, part, piped, commands);
        return commands;
    }

    private void addPart(ChapterLine line, List<String> words, boolean piped, List<ReaderCommand> out) {
        if (words.isEmpty()) {
            return;
        }
        if (piped) {
            out.add(new NotExecuted(line, "its output goes into a pipe; only what the pipe's first command does to the cluster counts, "
                    + "and the harness does not model piped input"));
            return;
        }
        out.add(command(line, words));
    }

    private ReaderCommand command(ChapterLine at, List<String> words) {
        if (!words.get(0).equals("kubectl")) {
            String program = words.get(0);
            if (program.equals("kind") || program.equals("minikube")) {
                return new NotExecuted(at, "makes or removes a cluster; the chosen stack stands for it");
            }
            return new NotExecuted(at, program + " is not a kubectl command; it changes no cluster object the harness models");
        }
        Flags flags = Flags.of(at, words.subList(1, words.size()));
        if (flags.positional.isEmpty()) {
            throw new ChapterCommandException(at, "kubectl without a sub-command");
        }
        String verb = flags.positional.get(0);
        List<String> args = flags.positional.subList(1, flags.positional.size());
        Optional<String> ns = flags.value("-n", "--namespace");
        return switch (verb) {
            case "apply", "replace", "create" -> {
                List<String> files = flags.values("-f", "--filename");
                if (files.isEmpty()) {
                    if (verb.equals("create")) {
                        yield new NotExecuted(at, "kubectl create from arguments is not modelled (only from files)");
                    }
                    throw new ChapterCommandException(at, "kubectl " + verb + " needs -f FILE");
                }
                if (flags.has("-k", "--kustomize")) {
                    yield new NotExecuted(at, "kustomizations are not modelled");
                }
                yield new Apply(at, files, ns, verb.equals("replace"));
            }
            case "patch" -> {
                ObjectName target = target(at, args, ns, "kubectl patch");
                String patch = flags.value("-p", "--patch").orElseThrow(() -> new ChapterCommandException(at, "kubectl patch needs -p PATCH"));
                String type = flags.value("--type").orElse("strategic");
                if (type.equals("json")) {
                    yield new NotExecuted(at, "JSON patches (--type json) are not modelled");
                }
                if (!type.equals("strategic") && !type.equals("merge")) {
                    throw new ChapterCommandException(at, "unknown patch type '" + type + "' (kubectl knows json, merge, strategic)");
                }
                try {
                    if (!json.readTree(patch).isObject()) {
                        throw new ChapterCommandException(at, "the patch is not a JSON object");
                    }
                } catch (JacksonException e) {
                    throw new ChapterCommandException(at, "the patch is not valid JSON: " + e.getOriginalMessage());
                }
                yield new Patch(at, target, type, patch);
            }
            case "set" -> set(at, args, ns, flags);
            case "rollout" -> {
                if (args.isEmpty()) {
                    throw new ChapterCommandException(at, "kubectl rollout without a sub-command");
                }
                if (!args.get(0).equals("restart")) {
                    yield new NotExecuted(at, "kubectl rollout " + args.get(0) + " is read-only or not modelled");
                }
                yield new Restart(at, target(at, args.subList(1, args.size()), ns, "kubectl rollout restart"));
            }
            case "delete" -> {
                List<String> files = flags.values("-f", "--filename");
                if (!files.isEmpty()) {
                    yield new Delete(at, files, Optional.empty(), ns);
                }
                yield new Delete(at, List.of(), Optional.of(target(at, args, ns, "kubectl delete")), ns);
            }
            default -> {
                if (READ_ONLY.contains(verb)) {
                    yield new NotExecuted(at, "read-only (kubectl " + verb + ")");
                }
                yield new NotExecuted(at, "kubectl " + verb + " is not modelled");
            }
        };
    }

    private ReaderCommand set(ChapterLine at, List<String> args, Optional<String> ns, Flags flags) {
        if (args.isEmpty()) {
            throw new ChapterCommandException(at, "kubectl set without a sub-command");
        }
        String what = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (!what.equals("env") && !what.equals("image")) {
            return new NotExecuted(at, "kubectl set " + what + " is not modelled");
        }
        List<String> names = rest.stream().filter(a -> !a.contains("=") && !a.endsWith("-")).toList();
        ObjectName target = target(at, names, ns, "kubectl set " + what);
        Map<String, String> pairs = new LinkedHashMap<>();
        List<String> unset = new ArrayList<>();
        for (String a : rest) {
            int eq = a.indexOf('=');
            if (eq > 0) {
                pairs.put(a.substring(0, eq), a.substring(eq + 1));
            } else if (a.endsWith("-") && what.equals("env")) {
                unset.add(a.substring(0, a.length() - 1));
            }
        }
        if (pairs.isEmpty() && unset.isEmpty()) {
            throw new ChapterCommandException(at, "kubectl set " + what + " names nothing to set (NAME=VALUE)");
        }
        return what.equals("env") ? new SetEnv(at, target, flags.value("-c", "--containers"), pairs, unset)
                : new SetImage(at, target, pairs);
    }

    /** {@code kind/name}, {@code kind.group/name} or {@code kind name}. */
    private static ObjectName target(ChapterLine at, List<String> args, Optional<String> ns, String command) {
        String kind;
        String name;
        if (!args.isEmpty() && args.get(0).contains("/")) {
            kind = args.get(0).substring(0, args.get(0).indexOf('/'));
            name = args.get(0).substring(args.get(0).indexOf('/') + 1);
        } else if (args.size() >= 2) {
            kind = args.get(0);
            name = args.get(1);
        } else {
            throw new ChapterCommandException(at, command + " needs KIND NAME or KIND/NAME");
        }
        return new ObjectName(kind(kind), name, ns);
    }

    static String kind(String written) {
        String k = written.toLowerCase(Locale.ROOT);
        int dot = k.indexOf('.');
        k = dot > 0 ? k.substring(0, dot) : k;
        String singular = k.endsWith("s") && KINDS.containsKey(k.substring(0, k.length() - 1)) ? k.substring(0, k.length() - 1) : k;
        return KINDS.getOrDefault(singular, written);
    }

    /** kubectl's flags (values of {@link #VALUE_FLAGS}, in {@code -f X}, {@code --flag=X} or {@code -fX} form) and positional words. */
    private record Flags(Map<String, List<String>> values, List<String> bare, List<String> positional) {

        static Flags of(ChapterLine at, List<String> words) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            List<String> bare = new ArrayList<>();
            List<String> positional = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (!w.startsWith("-") || w.equals("-")) {
                    positional.add(w);
                    continue;
                }
                int eq = w.indexOf('=');
                String name = eq > 0 ? w.substring(0, eq) : w;
                if (w.startsWith("-") && !w.startsWith("--") && w.length() > 2 && VALUE_FLAGS.contains(w.substring(0, 2))) {
                    values.computeIfAbsent(longName(w.substring(0, 2)), k -> new ArrayList<>()).add(w.substring(2));
                } else if (VALUE_FLAGS.contains(name)) {
                    String value;
                    if (eq > 0) {
                        value = w.substring(eq + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.get(++i);
                    } else {
                        throw new ChapterCommandException(at, name + " needs a value");
                    }
                    values.computeIfAbsent(longName(name), k -> new ArrayList<>()).add(value);
                } else if (name.endsWith("-") && !name.startsWith("--")) {
                    positional.add(w);
                } else {
                    bare.add(name);
                }
            }
            return new Flags(values, bare, positional);
        }

        private static String longName(String flag) {
            return LONG_NAMES.getOrDefault(flag, flag);
        }

        /** The values of a flag in command-line order, whichever of its names ({@code -f}, {@code --filename}) gave them. */
        List<String> values(String... names) {
            return values.getOrDefault(longName(names[0]), List.of());
        }

        Optional<String> value(String... names) {
            List<String> all = values(names);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        boolean has(String... names) {
            return List.of(names).stream().anyMatch(n -> bare.contains(n) || values.containsKey(longName(n)));
        }
    }
}
