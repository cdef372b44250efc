package org.oteltutorial.harness.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command lines of a chapter's shell blocks: fenced blocks tagged {@code bash}, {@code sh}, {@code shell},
 * {@code console} or untagged, whose lines start with a program a reader runs ({@code kubectl}, {@code kind}, …),
 * with {@code $ } prompts dropped, comments skipped and backslash continuations joined. Untagged blocks also show
 * output and YAML; those lines start with no such program and are not commands. Readers copy {@code kubectl} lines
 * from blocks with other tags too (05-sampling.md shows two in a {@code yaml} block), so those count as well; a
 * {@code diff} block shows a change, never a command.
 */
final class ShellBlocks {

    private static final Set<String> SHELL_TAGS = Set.of("", "bash", "sh", "shell", "console", "zsh");
    private static final Set<String> PROGRAMS = Set.of("kubectl", "kind", "minikube", "helm", "docker", "curl", "git", "cd", "export",
            "make", "go", "npm", "node", "python", "python3", "pip", "java", "mvn", "gradle", "eval", "telemetrygen", "k6", "watch");

    private ShellBlocks() {
    }

    static List<ChapterLine> commands(String chapter, List<String> lines) {
        List<ChapterLine> commands = new ArrayList<>();
        for (FencedBlock block : FencedBlock.of(chapter, lines)) {
            if (block.tag().equals("diff")) {
                continue;
            }
            boolean shell = SHELL_TAGS.contains(block.tag());
            StringBuilder pending = null;
            int pendingLine = 0;
            for (int i = 0; i < block.lines().size(); i++) {
                String text = block.lines().get(i).strip();
                boolean continued = text.endsWith("\\");
                String body = continued ? text.substring(0, text.length() - 1).strip() : text;
                if (pending != null) {
                    pending.append(' ').append(body);
                } else {
                    if (body.startsWith("$ ")) {
                        body = body.substring(2).strip();
                    }
                    if (body.isEmpty() || body.startsWith("#") || !(shell ? PROGRAMS.contains(firstWord(body)) : firstWord(body).equals("kubectl"))) {
                        continue;
                    }
                    pending = new StringBuilder(body);
                    pendingLine = block.lineOf(i);
                }
                if (!continued) {
                    commands.add(new ChapterLine(chapter, pendingLine, pending.toString()));
                    pending = null;
                }
            }
        }
        return commands;
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
