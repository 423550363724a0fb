import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 17's "no package cycle remains (jdeps -verbose:package over the jars shows none)", checked on the built
 * module jars: runs the JDK's jdeps, builds the graph of our packages (vn.cccd.*) across all jars given, and fails
 * naming each strongly connected group of two or more packages. The ArchUnit tests check the same inside each
 * module; this sees across modules too.
 *
 * <p>Run after {@code mvn package} from the repository root (JDK 17 source launcher, nothing to compile):
 * {@code java .ci/PackageCycles.java reader/core/target/cccd-reader-core-*.jar ...} (.ci/run lists the jars).
 */
public class PackageCycles {
    private static final Pattern EDGE = Pattern.compile("^\\s+(vn\\.cccd\\.\\S+)\\s+->\\s+(vn\\.cccd\\.\\S+)\\s");

    public static void main(String[] jars) {
        if (jars.length == 0) {
            System.err.println("usage: java .ci/PackageCycles.java JAR...");
            System.exit(2);
        }
        for (String jar : jars) {
            if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(jar))) {
                System.err.println("not a jar file: " + jar + " (build first: mvn package)");
                System.exit(2);
            }
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException(
                "jdeps not found: run with a JDK, not a JRE"));
        List<String> args = new ArrayList<>(List.of("-verbose:package", "-filter:none", "-e", "vn\\.cccd\\..*"));
        args.addAll(List.of(jars));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) {
            System.err.print(err);
            System.exit(rc);
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        int edges = 0;
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line + " ");
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
                edges++;
            }
        }
        List<Set<String>> cycles = new Tarjan(graph).cycles();
        System.out.println("jdeps -verbose:package over " + jars.length + " jars: " + graph.size() + " packages, "
                + edges + " dependencies, " + cycles.size() + " cycles");
        cycles.forEach(c -> System.out.println("  cycle: " + c));
        System.exit(cycles.isEmpty() ? 0 : 1);
    }

    /** Strongly connected components; the graph is small (about 50 packages), recursion is fine. */
    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> cycles = new ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> cycles() {
            graph.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return cycles;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.get(v)) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new TreeSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1) {
                    cycles.add(component);
                }
            }
        }
    }
}
