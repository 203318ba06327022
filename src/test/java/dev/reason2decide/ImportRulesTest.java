// The import rules of docs/architecture.md, read from the sources: no cycle between packages, nothing imports the top.
package dev.reason2decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ImportRulesTest {
  private static final String ROOT = "dev.reason2decide.";
  /** An import or a fully qualified use: {@code dev.reason2decide.a.b.Class}. */
  private static final Pattern USE = Pattern.compile("\\bdev\\.reason2decide\\.((?:[a-z][a-z0-9]*\\.)+)[A-Z]");
  /** The top floor: commands, the HTTP service and experiments; only {@code cli} may import them. */
  private static final List<String> TOP = List.of("cli", "serve", "experiment");

  /** package → package → the files of the first that use the second. */
  private static Map<String, Map<String, Set<String>>> graph() throws IOException {
    Map<String, Map<String, Set<String>>> g = new TreeMap<>();
    Path src = Path.of("src/main/java/dev/reason2decide");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String me = src.relativize(f.getParent()).toString().replace('/', '.');
        Map<String, Set<String>> out = g.computeIfAbsent(me, k -> new TreeMap<>());
        Matcher m = USE.matcher(Files.readString(f));
        while (m.find()) {
          String used = m.group(1).substring(0, m.group(1).length() - 1);
          if (!used.equals(me)) {
            out.computeIfAbsent(used, k -> new TreeSet<>()).add(f.getFileName().toString());
          }
        }
      }
    }
    return g;
  }

  private static boolean within(String pkg, String top) {
    return pkg.equals(top) || pkg.startsWith(top + ".");
  }

  @Test
  void nothingButTheCommandsImportsTheTopFloor() throws IOException {
    List<String> wrong = new ArrayList<>();
    graph().forEach((from, uses) -> uses.forEach((to, files) -> {
      for (String top : TOP) {
        if (within(to, top) && !within(from, top) && !from.equals("cli")) {
          wrong.add(ROOT + from + " imports " + ROOT + to + " in " + files);
        }
      }
    }));
    assertEquals(List.of(), wrong);
  }

  @Test
  void noCycleBetweenPackages() throws IOException {
    Map<String, Map<String, Set<String>>> g = graph();
    List<String> cycles = new ArrayList<>();
    for (String start : g.keySet()) {
      // a path back to start through packages after it in order, so that each cycle is reported once
      Deque<List<String>> todo = new ArrayDeque<>();
      todo.push(List.of(start));
      Set<String> seen = new TreeSet<>();
      while (!todo.isEmpty()) {
        List<String> path = todo.pop();
        String last = path.get(path.size() - 1);
        for (Map.Entry<String, Set<String>> e : g.getOrDefault(last, Map.of()).entrySet()) {
          String next = e.getKey();
          if (next.equals(start)) {
            cycles.add(String.join(" → ", path) + " → " + start + " (last step in " + e.getValue() + ")");
          } else if (next.compareTo(start) > 0 && seen.add(next)) {
            List<String> longer = new ArrayList<>(path);
            longer.add(next);
            todo.push(longer);
          }
        }
      }
    }
    assertEquals(List.of(), cycles);
  }

  @Test
  void theRulesSeeRealImports() throws IOException {
    Map<String, Map<String, Set<String>>> g = graph();
    assertTrue(g.get("cli").containsKey("train"), g.get("cli").toString());        // the reader works at all
    assertTrue(g.get("train").containsKey("model"), g.get("train").toString());
  }
}
