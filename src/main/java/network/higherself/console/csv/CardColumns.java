package network.higherself.console.csv;

import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkEntry;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Checks;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.FieldText;
import network.higherself.console.card.FieldType;
import network.higherself.console.card.Milestone;
import network.higherself.console.card.Reference;
import network.higherself.console.card.Refs;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A board's cards as CSV columns, from the one list of its kind's fields ({@link CardKind#allFields()}): first the
 * card's id and state (for reference: an import never sets them), then each field under its label, in form order.
 * A field's value is written as a person types it ({@link FieldText}); a reference by its name (a client's name, a
 * campaign's title, a staff member's user name); a list one item per line of the cell: names, artworks like
 * {@code 'Salt' by Mira Okafor (accepted)}, milestones like {@code Kick-off review 2026-12-01}.
 */
public final class CardColumns {

    /** The header of the card's id: written by an export, never imported (an imported card is a new card). */
    public static final String ID = "Id";
    /** The header of the card's column: written by an export for reference; an imported card starts in the first one. */
    public static final String STATE = "State";

    /** Headers of what the console keeps for itself, which no import may set, by their lower-case spellings. */
    private static final Map<String, String> KEPT = Map.ofEntries(
            Map.entry("version", "the card's version"), Map.entry("position", "the card's place in its column"),
            Map.entry("created at", "when the card was created"), Map.entry("created_at", "when the card was created"),
            Map.entry("updated at", "when the card last changed"), Map.entry("updated_at", "when the card last changed"),
            Map.entry("state since", "since when the card is in its column"),
            Map.entry("state_since", "since when the card is in its column"),
            Map.entry("workflow", "the card's board"), Map.entry("workflow_id", "the card's board"),
            Map.entry("board", "the card's board"), Map.entry("hash", "the audit trail's hashes"),
            Map.entry("prev_hash", "the audit trail's hashes"), Map.entry("previous hash", "the audit trail's hashes"),
            Map.entry("seq", "the audit trail's numbering"), Map.entry("actor", "who made each change (the audit trail)"),
            Map.entry("action", "the audit trail's entries"), Map.entry("created by", "who made each change (the audit trail)"));

    private static final Pattern ARTWORK = Pattern.compile("^'(.*)' by (.+) \\(([A-Za-z]+)\\)$");
    private static final Pattern MILESTONE = Pattern.compile("^(.+)\\s+(\\S+)$");
    /** The most characters a cell of a number, date or choice may have before it is not worth reading. */
    private static final int SHORT_VALUE_MAX = 100;

    private final Workflow workflow;
    private final CardKind kind;

    public CardColumns(Workflow workflow) {
        this.workflow = workflow;
        this.kind = CardKinds.of(workflow.id());
    }

    public Workflow workflow() {
        return workflow;
    }

    public CardKind kind() {
        return kind;
    }

    /** The export's header: Id, State, then every field's label. */
    public List<String> header() {
        List<String> h = new ArrayList<>();
        h.add(ID);
        h.add(STATE);
        kind.allFields().forEach(f -> h.add(f.label()));
        return h;
    }

    /** A card's record, in the order of {@link #header()}. */
    public List<String> row(Card card) {
        List<String> r = new ArrayList<>();
        r.add(String.valueOf(card.getId()));
        r.add(workflow.stateLabel(card.getState()));
        for (CardField<?> f : kind.allFields()) {
            r.add(text(f, card));
        }
        return r;
    }

    /** The value of {@code f} on {@code card} as a cell holds it. */
    static <V> String text(CardField<V> f, Card card) {
        V v = f.get(card);
        if (v == null) {
            return "";
        }
        return switch (f.type()) {
            case REFERENCE -> name(f, v);
            case REFERENCES -> ((Collection<?>) v).stream().map(o -> name(f, o)).collect(Collectors.joining("\n"));
            case ARTWORKS -> ((Collection<?>) v).stream().map(Object::toString).collect(Collectors.joining("\n"));
            case MILESTONES -> ((Collection<?>) v).stream().map(o -> (Milestone) o)
                    .map(m -> m.name() + " " + FieldText.DATE.format(m.dueOn())).collect(Collectors.joining("\n"));
            default -> FieldText.format(f.type(), v);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String name(CardField<?> f, Object thing) {
        return ((Reference) f.reference().orElseThrow()).name(thing);
    }

    // ------------------------------------------------------------------ reading a header

    /** What one column of an imported file is: a field, the reference-only id or state, and its header. */
    public record Column(int index, String header, CardField<?> field) {

        /** The column as a person finds it: its letter in a spreadsheet and its header. */
        public String shown() {
            return "column " + letter(index) + " \u201c" + Labels.cut(header, 60) + "\u201d";
        }

        public boolean referenceOnly() {
            return field == null;
        }
    }

    /** A file's header read: its columns, or the sentences that say what is wrong with it. */
    public record Header(List<Column> columns, List<String> problems) {

        public Optional<Column> of(CardField<?> field) {
            return columns.stream().filter(c -> field.equals(c.field())).findFirst();
        }

        public Optional<Column> named(String header) {
            return columns.stream().filter(c -> c.referenceOnly() && c.header().equalsIgnoreCase(header)).findFirst();
        }
    }

    /**
     * Reads a header: each cell names a field (by its label or key, in any case), or the export's Id or State. An
     * unknown name, one the console keeps for itself, a name given twice, and a missing column the cards need are
     * each a sentence naming the column.
     */
    public Header header(List<String> cells) {
        List<Column> columns = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            String at = "Line 1, column " + letter(i);
            if (name.isEmpty()) {
                problems.add(at + " has no header: name the column (" + fieldNames() + "), or delete it.");
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            Optional<CardField<?>> field = kind.allFields().stream()
                    .filter(f -> f.label().equalsIgnoreCase(name) || f.key().equalsIgnoreCase(name)).findFirst();
            Column column;
            if (field.isPresent()) {
                column = new Column(i, name, field.get());
            } else if (lower.equals("id") || lower.equals(STATE.toLowerCase(Locale.ROOT))) {
                column = new Column(i, lower.equals("id") ? ID : STATE, null);
            } else if (KEPT.containsKey(lower)) {
                problems.add(at + " \u201c" + Labels.cut(name, 60) + "\u201d cannot be imported: the console keeps "
                        + KEPT.get(lower) + " itself, through the changes it records. Delete the column.");
                continue;
            } else if (cells.size() == 1 && (name.contains(";") || name.contains("\t"))) {
                problems.add("Line 1: the columns are separated by " + (name.contains(";") ? "semicolons" : "tabs")
                        + ", and the console reads commas. Save the file as \"CSV UTF-8 (comma delimited)\" and import "
                        + "that file.");
                continue;
            } else {
                problems.add(at + " \u201c" + Labels.cut(name, 60) + "\u201d is not a field of " + Labels.withArticle(
                        kind.label()).toLowerCase(Locale.ROOT) + ". Its fields are " + fieldNames()
                        + ". Rename the column or delete it.");
                continue;
            }
            Optional<Column> twice = columns.stream().filter(c -> c.header().equalsIgnoreCase(column.header())
                    || c.field() != null && c.field().equals(column.field())).findFirst();
            if (twice.isPresent()) {
                problems.add(at + " \u201c" + Labels.cut(name, 60) + "\u201d is the same as " + twice.get().shown()
                        + ": keep one of them.");
                continue;
            }
            columns.add(column);
        }
        Card blank = kind.newCard("-");
        for (CardField<?> f : kind.allFields()) {
            boolean needed = f.required() && isEmpty(f.get(blank)) || f.equals(Card.TITLE);
            if (needed && columns.stream().noneMatch(c -> f.equals(c.field())) && !problemsNameAField(problems)) {
                problems.add("Line 1: there is no column " + f.label() + ", and every " + kind.label() + " needs one. "
                        + "Add a column headed " + f.label() + ".");
            }
        }
        return new Header(columns, problems);
    }

    private static boolean problemsNameAField(List<String> problems) {
        return problems.stream().anyMatch(p -> p.contains("semicolons") || p.contains("tabs,"));
    }

    private static boolean isEmpty(Object v) {
        return v == null || v instanceof Collection<?> c && c.isEmpty();
    }

    private String fieldNames() {
        return Labels.andList(kind.allFields().stream().map(CardField::label).toList());
    }

    /** A spreadsheet's letter for the column at {@code index} (0: A, 26: AA). */
    static String letter(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ reading a cell

    /** A cell's value that is not one, with the sentence that says why and what to write. */
    static final class CellProblem extends Exception {
        CellProblem(String sentence) {
            super(sentence, null, false, false);
        }
    }

    /**
     * The value of {@code f} that {@code cell} holds, of the type the field's setter takes (entities for references,
     * looked up by name through {@code refs} in the import's transaction); null for an empty cell.
     */
    static Object value(CardField<?> f, String cell, Refs refs) throws CellProblem {
        String text = cell.strip();
        if (f.maxLength() > 0 && text.length() > f.maxLength()) {
            throw new CellProblem(Checks.lengthProblem(f.label(), text, f.maxLength()));
        }
        if (!f.isText() && !f.isCollection() && text.length() > SHORT_VALUE_MAX) {
            throw new CellProblem("The value is " + text.length() + " characters long, far too long for "
                    + f.label().toLowerCase(Locale.ROOT) + ": check that the columns have not shifted.");
        }
        if (text.isEmpty()) {
            return f.isCollection() ? List.of() : null;
        }
        return switch (f.type()) {
            case REFERENCE -> one(f, text, refs);
            case REFERENCES -> {
                List<Object> things = new ArrayList<>();
                for (String line : lines(text)) {
                    things.add(one(f, line, refs));
                }
                yield things;
            }
            case ARTWORKS -> artworks(text, refs);
            case MILESTONES -> milestones(f, text);
            default -> {
                FieldText.Parsed parsed = FieldText.parse(f, text);
                if (!parsed.ok()) {
                    throw new CellProblem(parsed.problem());
                }
                yield parsed.value();
            }
        };
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object one(CardField<?> f, String name, Refs refs) throws CellProblem {
        Reference reference = f.reference().orElseThrow();
        String what = Labels.humanize(reference.type().getSimpleName()).replaceAll("([a-z])([A-Z])", "$1 $2")
                .toLowerCase(Locale.ROOT);
        String shown = "\u201c" + Labels.cut(name, 80) + "\u201d";
        List<?> found = refs.named(reference, name);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            String several = f.type() == FieldType.REFERENCES && (name.contains(",") || name.contains(";"))
                    ? " If the cell lists several, put each on a line of its own in the cell." : "";
            throw new CellProblem("There is no " + what + " " + shown + " in this console (an import makes no new "
                    + what + "s): correct it to a " + what + " the console knows (a card's form lists them)." + several);
        }
        throw new CellProblem(found.size() + " " + what + "s are called " + shown + ", and the import cannot tell which "
                + "one is meant: give them names of their own first.");
    }

    private static List<ArtworkEntry> artworks(String text, Refs refs) throws CellProblem {
        List<ArtworkEntry> entries = new ArrayList<>();
        for (String line : lines(text)) {
            Matcher m = ARTWORK.matcher(line);
            ArtworkStatus status = null;
            if (m.matches()) {
                for (ArtworkStatus s : ArtworkStatus.values()) {
                    status = s.name().equalsIgnoreCase(m.group(3)) ? s : status;
                }
            }
            if (status == null) {
                throw new CellProblem("\u201c" + Labels.cut(line, 80) + "\u201d is not an artwork: write each on a line "
                        + "of its own, like 'Salt' by Mira Okafor (accepted); the status is submitted, accepted, "
                        + "declined, sold or returned.");
            }
            Object artist = one(Exhibition.ARTISTS, m.group(2).strip(), refs);
            entries.add(new ArtworkEntry(null, (Artist) artist, m.group(1).strip(), status));
        }
        return entries;
    }

    private static List<Milestone> milestones(CardField<?> f, String text) throws CellProblem {
        List<Milestone> out = new ArrayList<>();
        for (String line : lines(text)) {
            Matcher m = MILESTONE.matcher(line);
            LocalDate due = null;
            if (m.matches()) {
                try {
                    due = LocalDate.parse(m.group(2), FieldText.DATE);
                } catch (DateTimeParseException e) {
                    due = null;
                }
            }
            if (due == null) {
                throw new CellProblem("\u201c" + Labels.cut(line, 80) + "\u201d is not one of the "
                        + f.label().toLowerCase(Locale.ROOT) + ": write each on a line of its own, its name then its "
                        + "date, like Kick-off review 2026-12-01.");
            }
            out.add(new Milestone(m.group(1).strip(), due));
        }
        return out;
    }
}
