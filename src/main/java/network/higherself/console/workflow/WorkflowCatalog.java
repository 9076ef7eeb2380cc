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
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflows the console runs: the bundled definitions ({@code /workflows/*.json}, in the order of
 * {@code /workflows/index.txt}), each of which a user-supplied file with the same id may replace.
 */
public final class WorkflowCatalog {

    private static final String BUNDLE = "/workflows/";

    private final Map<String, Workflow> byId;
    /** The file each workflow was read from, as problems name it. */
    private final Map<String, String> sources;

    public WorkflowCatalog(Collection<Workflow> workflows) {
        this(workflows, Map.of());
    }

    private WorkflowCatalog(Collection<Workflow> workflows, Map<String, String> sources) {
        Map<String, Workflow> map = new LinkedHashMap<>();
        for (Workflow w : workflows) {
            map.put(w.id(), w);
        }
        this.byId = java.util.Collections.unmodifiableMap(map);
        this.sources = Map.copyOf(sources);
    }

    /** The bundled definitions. */
    public static WorkflowCatalog bundled() {
        return check(List.of()).orThrow();
    }

    /**
     * The bundled definitions, each replaced by the {@code .json} file of the same id in {@code userDir} where
     * there is one (files whose names start with a dot, such as editors' lock files, are not definitions).
     * Every definition is checked; any problem anywhere refuses the whole catalog.
     *
     * @throws InvalidWorkflowException naming every file and problem
     */
    public static WorkflowCatalog load(Path userDir) {
        return checkFolder(userDir, List.of()).orThrow();
    }

    /**
     * The verdict the console would give on {@code userDir} with {@code replacing} put in it: the folder's
     * definitions, less those named like one of {@code replacing}, and {@code replacing}.
     */
    public static Checked checkFolder(Path userDir, List<Path> replacing) {
        List<DefinitionProblem> problems = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path file : definitionFiles(userDir, problems)) {
            if (replacing.stream().noneMatch(r -> r.getFileName() != null && r.getFileName().equals(file.getFileName()))) {
                files.add(file);
            }
        }
        files.addAll(replacing);
        Checked checked = check(files);
        problems.addAll(checked.problems());
        return new Checked(problems.isEmpty() ? checked.catalog() : null, checked.valid(), problems);
    }

    /** The verdict on a set of definitions: the catalog, or every problem; and which files are valid. */
    public record Checked(WorkflowCatalog catalog, Map<Path, Workflow> valid, List<DefinitionProblem> problems) {

        public Checked {
            valid = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(valid));
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }

        /** @throws InvalidWorkflowException when there is any problem */
        public WorkflowCatalog orThrow() {
            if (!ok()) {
                throw new InvalidWorkflowException(problems);
            }
            return catalog;
        }
    }

    /**
     * Checks {@code files} exactly as the console reads the definitions it starts with: the bundled set, each
     * replaced by the file of the same id. Beyond what {@link WorkflowLoader} checks in one file, a file must be
     * named after its id ({@code WF-WELL-BOOK.json}), its id must be one of the console's workflows, and no two
     * files may define one id.
     */
    public static Checked check(List<Path> files) {
        WorkflowLoader loader = new WorkflowLoader();
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, Workflow> workflows = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String fileName : bundledFileNames()) {
            String resource = BUNDLE + fileName;
            String shownAs = "workflows/" + fileName;
            try (InputStream in = WorkflowCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    problems.add(new DefinitionProblem(shownAs, "is missing from the application"));
                    continue;
                }
                WorkflowLoader.Result r = loader.load(shownAs, in);
                problems.addAll(r.problems());
                r.workflow().ifPresent(w -> {
                    nameProblem(shownAs, fileName, w).ifPresent(problems::add);
                    workflows.put(w.id(), w);
                    sources.put(w.id(), shownAs);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> bundledIds = new LinkedHashSet<>(workflows.keySet());
        Map<String, Path> overridden = new LinkedHashMap<>();
        Map<Path, Workflow> valid = new LinkedHashMap<>();
        for (Path file : files) {
            WorkflowLoader.Result r = loader.load(file);
            problems.addAll(r.problems());
            if (r.workflow().isEmpty()) {
                continue;
            }
            Workflow w = r.workflow().get();
            List<DefinitionProblem> own = new ArrayList<>();
            Path name = file.getFileName();
            nameProblem(file.toString(), name == null ? "" : name.toString(), w).ifPresent(own::add);
            Path earlier = overridden.putIfAbsent(w.id(), file);
            if (!bundledIds.contains(w.id())) {
                own.add(new DefinitionProblem(file.toString(), "id " + Identifier.shown(w.id())
                        + " is not one of the console's workflows (" + String.join(", ", bundledIds) + ")"));
            } else if (earlier != null) {
                own.add(new DefinitionProblem(file.toString(), "defines " + w.id() + ", as " + earlier
                        + " does: the console would not know which to use; keep one of them"));
            }
            problems.addAll(own);
            if (own.isEmpty()) {
                valid.put(file, w);
                workflows.put(w.id(), w);
                sources.put(w.id(), file.toString());
            }
        }
        WorkflowCatalog catalog = problems.isEmpty() ? new WorkflowCatalog(workflows.values(), sources) : null;
        return new Checked(catalog, valid, problems);
    }

    /** A definition is named after its id: the console finds the file that replaces a bundled one by it. */
    private static Optional<DefinitionProblem> nameProblem(String shownAs, String fileName, Workflow w) {
        String expected = w.id() + ".json";
        if (fileName.equals(expected)) {
            return Optional.empty();
        }
        return Optional.of(new DefinitionProblem(shownAs, "defines " + Identifier.shown(w.id())
                + ", so it must be named " + Identifier.brief(expected) + ", not " + Identifier.brief(fileName)));
    }

    /** The {@code .json} files of {@code dir} in name order (none when it does not exist), or why it cannot be read. */
    private static List<Path> definitionFiles(Path dir, List<DefinitionProblem> problems) {
        if (dir == null || !Files.exists(dir)) {
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            problems.add(new DefinitionProblem(dir.toString(), "is not a folder: the console reads replacements for "
                    + "its workflow definitions from a folder of that name; move this file away"));
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : entries) {
                if (!file.getFileName().toString().startsWith(".")) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            problems.add(new DefinitionProblem(dir.toString(), "cannot be read (" + e.getMessage() + ")"));
        }
        files.sort(null);
        return files;
    }

    /**
     * Where cards sit in a state their workflow's definition does not have (a replacement that removed it): one
     * problem per such state, naming the definition's file, the state and how many cards are in it. The console
     * refuses to start on any, since those cards could be neither shown nor moved.
     *
     * @param cardsByState per workflow id, how many cards each state holds (as stored)
     */
    public List<DefinitionProblem> statesMissingForCards(Map<String, Map<String, Long>> cardsByState) {
        List<DefinitionProblem> problems = new ArrayList<>();
        for (Workflow w : byId.values()) {
            cardsByState.getOrDefault(w.id(), Map.of()).forEach((state, count) -> {
                if (count > 0 && !w.hasState(state)) {
                    problems.add(new DefinitionProblem(source(w.id()), (count == 1 ? "1 card is" : count + " cards are")
                            + " in the state " + Identifier.shown(state) + " (" + Labels.humanize(Identifier.brief(state))
                            + "), which this definition does not have: put the state back, or first move "
                            + (count == 1 ? "that card" : "those cards") + " out of it with a definition that has it"));
                }
            });
        }
        return problems;
    }

    /** The file the workflow {@code id} was read from (a bundled one as {@code workflows/ID.json}). */
    public String source(String id) {
        return sources.getOrDefault(id, id + ".json");
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
