package network.higherself.console.csv;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.EditDiff;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.CardKinds;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.apache.commons.csv.CSVPrinter;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exports the audit trail, or the part of it between two days, to CSV: one row per entry, in the trail's order,
 * with the board, columns and events by their labels and each field a change touched by its label; the entry's
 * number and hash are kept, so that a row can be found again and checked against the trail (verify-audit). Only a
 * manager or an administrator may: the trail holds every board's changes and every sign-in.
 */
public final class AuditExport {

    public static final List<String> HEADER = List.of("Number", "At", "Actor", "Action", "Board", "Card", "From", "To",
            "Event", "Note", "Details", "Hash");

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final DataSource dataSource;
    private final WorkflowCatalog workflows;
    private final Clock clock;

    public AuditExport(DataSource dataSource, WorkflowCatalog workflows, Clock clock) {
        this.dataSource = dataSource;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** Whether {@code actor} may export the audit trail: a manager, an administrator, or the console itself. */
    public static boolean mayExport(Actor actor) {
        return actor.kind() == Actor.Kind.SYSTEM || actor.hasRole(Role.MANAGER) || actor.hasRole(Role.ADMINISTRATOR);
    }

    /**
     * Writes the entries made from the start of {@code from} to the end of {@code to} (days in the console's time
     * zone; null: no limit on that side) to {@code out}; how many.
     *
     * @throws TransferRefused   when the person may not, the days are the wrong way round, or the file cannot be written
     * @throws CsvText.Cancelled when {@code progress} asked to stop (no file is left)
     */
    public int export(Actor actor, LocalDate from, LocalDate to, Path out, Progress progress)
            throws TransferRefused, CsvText.Cancelled {
        if (!mayExport(actor)) {
            throw new TransferRefused(actor.name() + actor.role().map(r -> " (" + r.label().toLowerCase(Locale.ROOT) + ")")
                    .orElse("") + " may not export the audit trail: it holds every board's changes and every sign-in, "
                    + "so only managers and administrators may. Ask one of them.");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new TransferRefused("The period starts on " + from + " and ends on " + to + ", before it starts: give "
                    + "the earlier day first.");
        }
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        int[] written = {0};
        try {
            CsvText.writeWhole(out, writer -> {
                CSVPrinter printer = CsvText.printer(writer);
                CsvText.print(printer, HEADER);
                try (Connection c = dataSource.getConnection()) {
                    long total = count(c, start, end);
                    progress.at("Writing audit entries", 0, total);
                    try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, actor, action, workflow_id, card_id, "
                            + "from_state, to_state, event, note, details, hash FROM audit_entry WHERE at >= ? AND at < ? "
                            + "ORDER BY seq")) {
                        ps.setObject(1, OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
                        ps.setObject(2, OffsetDateTime.ofInstant(end, java.time.ZoneOffset.UTC));
                        ps.setFetchSize(500);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                if (progress.cancelled()) {
                                    throw new CsvText.Cancelled();
                                }
                                CsvText.print(printer, row(rs));
                                progress.at("Writing audit entries", ++written[0], total);
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new IOException("the audit trail could not be read: " + e.getMessage(), e);
                }
                printer.flush();
            });
        } catch (CsvText.Cancelled e) {
            throw e;
        } catch (IOException e) {
            throw new TransferRefused(CsvText.writeProblem(out, e));
        }
        return written[0];
    }

    private static long count(Connection c, Instant start, Instant end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE at >= ? AND at < ?")) {
            ps.setObject(1, OffsetDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
            ps.setObject(2, OffsetDateTime.ofInstant(end, java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> row(ResultSet rs) throws SQLException {
        String workflowId = rs.getString("workflow_id");
        Optional<Workflow> w = workflowId == null ? Optional.empty() : workflows.find(workflowId);
        String action = rs.getString("action");
        long card = rs.getLong("card_id");
        boolean hasCard = !rs.wasNull();
        List<String> r = new ArrayList<>(HEADER.size());
        r.add(String.valueOf(rs.getLong("seq")));
        r.add(AT.format(rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())));
        r.add(rs.getString("actor"));
        r.add(Labels.humanize(action.toLowerCase(Locale.ROOT)));
        r.add(workflowId == null ? "" : w.map(Workflow::board).orElse(workflowId));
        r.add(hasCard ? String.valueOf(card) : "");
        r.add(state(w, rs.getString("from_state")));
        r.add(state(w, rs.getString("to_state")));
        String event = rs.getString("event");
        r.add(event == null ? "" : Labels.humanize(event));
        r.add(nullToEmpty(rs.getString("note")));
        r.add(details(workflowId, action, rs.getString("details")));
        r.add(rs.getString("hash"));
        return r;
    }

    private static String state(Optional<Workflow> w, String id) {
        return id == null ? "" : w.map(x -> x.stateLabel(id)).orElse(id);
    }

    /** A card change's details with each field named by its label ("Quote: '' → '120.00'"); other details as kept. */
    private static String details(String workflowId, String action, String details) {
        if (details == null) {
            return "";
        }
        boolean cardChange = AuditAction.CARD_CHANGES.stream().anyMatch(a -> a.name().equals(action));
        Optional<CardKind> kind = CardKinds.all().stream().filter(k -> k.workflowId().equals(workflowId)).findFirst();
        if (!cardChange || kind.isEmpty()) {
            return details;
        }
        List<String> lines = new ArrayList<>();
        for (EditDiff.Line l : EditDiff.parse(details).lines()) {
            if (!l.isField()) {
                lines.add(l.after());
                continue;
            }
            String label = kind.get().field(l.key()).map(CardField::label).orElse(l.key());
            lines.add(label + ": '" + l.before() + "' \u2192 '" + l.after() + "'");
        }
        return String.join("\n", lines);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
