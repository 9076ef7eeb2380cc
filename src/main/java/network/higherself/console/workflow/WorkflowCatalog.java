package network.higherself.console.workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workflows the console runs: the bundled definitions ({@code /workflows/*.json}, in the order of
 * {@code /workflows/index.txt}), each of which a user-supplied file with the same id may replace.
 */
public final class WorkflowCatalog {

    private static final String BUNDLE = "/workflows/";

    private final Map<String, Workflow> byId;

    public WorkflowCatalog(Collection<Workflow> workflows) {
        Map<String, Workflow> map = new LinkedHashMap<>();
        for (Workflow w : workflows) {
            map.put(w.id(), w);
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /** The bundled definitions. */
    public static WorkflowCatalog bundled() {
        return load(null);
    }

    /**
     * The bundled definitions, each replaced by the {@code .json} file of the same id in {@code userDir} where
     * there is one. Every definition is checked; any problem anywhere refuses the whole catalog.
     *
     * @throws InvalidWorkflowException naming every file and problem
     */
    public static WorkflowCatalog load(Path userDir) {
        WorkflowLoader loader = new WorkflowLoader();
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, Workflow> workflows = new LinkedHashMap<>();
        for (String fileName : bundledFileNames()) {
            String resource = BUNDLE + fileName;
            try (InputStream in = WorkflowCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    problems.add(new DefinitionProblem("workflows/" + fileName, "is missing from the application"));
                    continue;
                }
                WorkflowLoader.Result r = loader.load("workflows/" + fileName, in);
                problems.addAll(r.problems());
                r.workflow().ifPresent(w -> workflows.put(w.id(), w));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (userDir != null && Files.isDirectory(userDir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(userDir, "*.json")) {
                for (Path file : files) {
                    WorkflowLoader.Result r = loader.load(file);
                    problems.addAll(r.problems());
                    r.workflow().ifPresent(w -> {
                        if (!workflows.containsKey(w.id())) {
                            problems.add(new DefinitionProblem(file.toString(), "id '" + w.id()
                                    + "' is not one of the console's workflows (" + String.join(", ", workflows.keySet()) + ")"));
                        } else {
                            workflows.put(w.id(), w);
                        }
                    });
                }
            } catch (IOException e) {
                problems.add(new DefinitionProblem(userDir.toString(), "cannot be read (" + e.getMessage() + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(problems);
        }
        return new WorkflowCatalog(workflows.values());
    }

    private static List<String> bundledFileNames() {
        try (InputStream in = WorkflowCatalog.class.getResourceAsStream(BUNDLE + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("workflows/index.txt is missing from the application");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workflows in board order. */
    public List<Workflow> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Workflow> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The workflow with this id, or a refusal that lists the ids there are. */
    public Workflow get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(
                "There is no workflow '" + id + "'; the workflows are " + String.join(", ", byId.keySet()) + "."));
    }
}
