package org.oteltutorial.harness.reader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oteltutorial.harness.reader.FileTarget.OwnFile;
import org.oteltutorial.harness.reader.FileTarget.Release;
import org.oteltutorial.harness.reader.ReaderCommand.Apply;
import org.oteltutorial.harness.reader.ReaderCommand.Delete;
import org.oteltutorial.harness.reader.ReaderCommand.NotExecuted;
import org.oteltutorial.harness.reader.ReaderCommand.Patch;
import org.oteltutorial.harness.reader.ReaderCommand.Restart;
import org.oteltutorial.harness.reader.ReaderCommand.SetEnv;
import org.oteltutorial.harness.reader.ReaderCommand.SetImage;
import org.oteltutorial.harness.tutorial.ManifestException;
import org.oteltutorial.harness.tutorial.ManifestLoader;
import org.oteltutorial.harness.tutorial.ManifestLoader.Document;
import org.oteltutorial.harness.tutorial.Manifests;
import org.oteltutorial.harness.tutorial.SourcedResource;
import org.oteltutorial.harness.tutorial.TutorialCheckout;

/**
 * The path a reader takes through the chapters, up to and including one: every command of their shell blocks, in
 * order, carried out with kubectl's semantics on a model of the cluster, and the state it leaves.
 *
 * @param chapters the chapters read, in order (file names)
 * @param files the checkout's files the path applied, with the lines of the chapter that applied them
 * @param releases the release URLs the path applies (cert-manager, the operator), with their lines
 */
public record ReaderPath(TutorialCheckout checkout, List<String> chapters, List<ReaderStep> steps, List<HeldObject> objects,
        Map<String, List<ChapterLine>> files, Map<String, List<ChapterLine>> releases, Map<String, List<ChapterLine>> movingRefs) {

    public ReaderPath {
        chapters = List.copyOf(chapters);
        steps = List.copyOf(steps);
        objects = List.copyOf(objects);
        files = Map.copyOf(files);
        releases = Map.copyOf(releases);
        movingRefs = Map.copyOf(movingRefs);
    }

    /** @throws ManifestException for an unknown chapter; {@link ChapterCommandException} for a command it cannot read */
    public static ReaderPath follow(TutorialCheckout checkout, String chapter) {
        List<Path> all = checkout.chapters();
        int last = -1;
        for (int i = 0; i < all.size(); i++) {
            String name = all.get(i).getFileName().toString();
            if (name.equals(chapter) || name.equals(chapter + ".md") || name.startsWith(chapter + "-")) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            throw new ManifestException("no chapter '" + chapter + "' in " + checkout.dir() + " (chapters: "
                    + all.stream().map(p -> p.getFileName().toString()).toList() + ")");
        }
        return new Walker(checkout).walk(all.subList(0, last + 1));
    }

    /** The state reached, as the manifests the lint and the stacks read; each object from the file that last applied it. */
    public Manifests manifests() {
        ManifestLoader loader = new ManifestLoader();
        return new Manifests(objects.stream().map(o -> loader.resource(o.origin(), o.line(), o.live())).toList());
    }

    /** A chapter's text, line by line. */
    public List<String> chapterText(String chapter) {
        return Walker.read(checkout.dir().resolve(chapter));
    }

    public String lastChapter() {
        return chapters.get(chapters.size() - 1);
    }

    /** The last line of a chapter that executed a command, e.g. to say after which line a missing command belongs. */
    public Optional<ChapterLine> lastExecuted(String chapter) {
        return steps.stream().filter(s -> s.executed() && s.at().chapter().equals(chapter)).map(ReaderStep::at).reduce((a, b) -> b);
    }

    public Optional<HeldObject> object(String kind, String namespace, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.namespace().equals(namespace) && o.name().equals(name)).findFirst();
    }

    private static final class Walker {
        private final TutorialCheckout checkout;
        private final ManifestLoader loader = new ManifestLoader();
        private final CommandParser parser = new CommandParser();
        private final ReaderState state = new ReaderState();
        private final List<ReaderStep> steps = new ArrayList<>();
        private final Map<String, List<ChapterLine>> files = new LinkedHashMap<>();
        private final Map<String, List<ChapterLine>> releases = new LinkedHashMap<>();
        private final Map<String, List<ChapterLine>> moving = new LinkedHashMap<>();

        Walker(TutorialCheckout checkout) {
            this.checkout = checkout;
        }

        ReaderPath walk(List<Path> chapters) {
            List<String> names = new ArrayList<>();
            for (Path chapter : chapters) {
                String name = chapter.getFileName().toString();
                names.add(name);
                for (ChapterLine line : ShellBlocks.commands(name, read(chapter))) {
                    for (ReaderCommand command : parser.parse(line)) {
                        steps.add(execute(command));
                    }
                }
            }
            return new ReaderPath(checkout, names, steps, state.objects(), files, releases, moving);
        }

        private ReaderStep execute(ReaderCommand command) {
            ChapterLine at = command.at();
            if (command instanceof Apply a) {
                return applyFiles(a);
            }
            if (command instanceof Patch p) {
                return new ReaderStep(at, true, p.target().describe() + " " + state.patch(at, p.target(), p.patch(),
                        p.type().equals("strategic")) + " (" + p.type() + " patch)");
            }
            if (command instanceof SetEnv e) {
                return new ReaderStep(at, true, e.target().describe() + " " + state.setEnv(at, e) + " (env " + e.set().keySet() + ")");
            }
            if (command instanceof SetImage i) {
                return new ReaderStep(at, true, i.target().describe() + " " + state.setImage(at, i) + " (image)");
            }
            if (command instanceof Restart r) {
                return new ReaderStep(at, true, r.target().describe() + " " + state.restart(at, r.target()) + ": its pods are re-created");
            }
            if (command instanceof Delete d) {
                return delete(d);
            }
            return new ReaderStep(at, false, ((NotExecuted) command).why());
        }

        private ReaderStep applyFiles(Apply a) {
            List<String> outcomes = new ArrayList<>();
            boolean executed = false;
            for (String written : a.files()) {
                FileTarget target = FileTarget.of(a.at(), written, checkout.repository(), checkout.dir());
                if (target instanceof Release r) {
                    releases.computeIfAbsent(r.written(), k -> new ArrayList<>()).add(a.at());
                    outcomes.add("release manifest " + r.written() + ": a step of its own (the kube, k3s and cluster stacks apply it "
                            + "from tutorial.yaml's pinned releases; the local stack runs no operator)");
                    continue;
                }
                OwnFile f = (OwnFile) target;
                executed = true;
                files.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(a.at());
                if (f.movingRef()) {
                    moving.computeIfAbsent(f.written(), k -> new ArrayList<>()).add(a.at());
                }
                for (Document d : loader.documents(f.path(), String.join("\n", read(checkout.dir().resolve(f.path()))))) {
                    if (!d.node().isObject() || !d.node().hasNonNull("kind")) {
                        throw new ChapterCommandException(a.at(), f.path() + ":" + d.line() + " is not a Kubernetes object");
                    }
                    if (d.node().path("metadata").path("name").asString("").isEmpty()) {
                        throw new ChapterCommandException(a.at(), f.path() + ":" + d.line() + " has no metadata.name");
                    }
                    String done = state.apply(a.at(), f.path(), d.line(), d.node(), a.namespace(), a.replace());
                    outcomes.add(d.node().path("kind").asString() + " " + d.node().path("metadata").path("name").asString() + " " + done);
                }
            }
            return new ReaderStep(a.at(), executed, String.join("; ", outcomes));
        }

        private ReaderStep delete(Delete d) {
            List<String> outcomes = new ArrayList<>();
            if (d.target().isPresent()) {
                var t = d.target().get();
                String ns = t.namespace().orElse("default");
                outcomes.add(t.kind() + " " + ns + "/" + t.name() + " " + state.delete(d.at(), t.kind(), ns, t.name()));
            }
            for (String written : d.files()) {
                if (FileTarget.of(d.at(), written, checkout.repository(), checkout.dir()) instanceof OwnFile f) {
                    for (Document doc : loader.documents(f.path(), String.join("\n", read(checkout.dir().resolve(f.path()))))) {
                        var config = state.withNamespace(doc.node(), d.namespace());
                        outcomes.add(config.path("kind").asString() + " " + config.path("metadata").path("name").asString() + " "
                                + state.delete(d.at(), config.path("kind").asString(), config.path("metadata").path("namespace").asString(),
                                        config.path("metadata").path("name").asString()));
                    }
                } else {
                    outcomes.add("release manifest " + written + " not modelled");
                }
            }
            return new ReaderStep(d.at(), true, String.join("; ", outcomes));
        }

        private static List<String> read(Path file) {
            try {
                return Files.readAllLines(file);
            } catch (IOException e) {
                throw new ManifestException(file + ": cannot read: " + e.getMessage(), e);
            }
        }
    }

    /** The names of the own files a chapter applied, in the order they were first applied. */
    public Set<String> appliedFiles() {
        return new LinkedHashSet<>(files.keySet());
    }

    /** Resources of the state, typed. */
    public List<SourcedResource> resources() {
        return manifests().resources();
    }
}
