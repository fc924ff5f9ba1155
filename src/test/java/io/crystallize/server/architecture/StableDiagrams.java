package io.crystallize.server.architecture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Puts the PlantUML files Spring Modulith's Documenter writes into one order. The Documenter (through Structurizr)
 * emits a diagram's elements and relationships in the iteration order of hash-based sets, so the same modules give
 * a different file on every run. Here each contiguous run of element lines ({@code component "…"}) and of
 * relationship lines ({@code A --> B …}) is sorted as text; nothing else in a file moves, and PlantUML draws the
 * same graph whatever the order of those lines.
 */
final class StableDiagrams {

    private static final Pattern RELATIONSHIP = Pattern.compile("^\\S+ -+> \\S+.*");
    private static final Predicate<String> ELEMENT = line -> line.stripLeading().startsWith("component \"");

    private StableDiagrams() {
    }

    /** Sorts every {@code .puml} file in {@code folder}, rewriting only those whose text changes. */
    static void sortAll(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String sorted = sort(text);
                if (!sorted.equals(text)) {
                    Files.writeString(file, sorted, StandardCharsets.UTF_8);
                }
            }
        }
    }

    static String sort(String text) {
        // split with -1 keeps a trailing empty piece, so a file keeps its ending (the Documenter writes none)
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        sortRuns(lines, RELATIONSHIP.asMatchPredicate());
        sortRuns(lines, ELEMENT);
        return String.join("\n", lines);
    }

    private static void sortRuns(List<String> lines, Predicate<String> member) {
        int i = 0;
        while (i < lines.size()) {
            if (!member.test(lines.get(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < lines.size() && member.test(lines.get(end))) {
                end++;
            }
            lines.subList(i, end).sort(null);
            i = end;
        }
    }
}
