package network.higherself.console.store;

import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.CardDates;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.InterfaceRelease;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.card.Priority;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads columns page by page in position order, with a query the {@code card_column} index serves; never a
 * whole board at once. Each card comes with the facts its board shows on its face.
 */
public final class CardQueries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    /** The date a card is due by: a booking's payment deadline or service time, a piece's publish-at... */
    private static final String DUE = "COALESCE(c.payment_deadline, c.publish_at, c.service_at, "
            + "CAST(c.opening_date AS TIMESTAMP), CAST(c.ends_on AS TIMESTAMP))";

    private static final String COLUMNS = "SELECT c.id, c.workflow_id, c.state, c.position, c.title, c.assignee, c.priority, "
            + "c.state_since, c.version, "
            + "cl.name, sv.name, c.service_at, c.quote, "                                   // 10-13 booking
            + "c.curator, c.opening_date, (SELECT COUNT(*) FROM exhibition_artist ea WHERE ea.exhibition_id = c.id), " // 14-16
            + "c.client_organisation, c.fee, "                                              // 17-18
            + "c.starts_on, c.ends_on, c.budget, "                                          // 19-21
            + "c.format, c.publish_at, "                                                    // 22-23
            + "c.portal_kind, c.release_version, c.client_name, "                           // 24-26
            + "c.sending_agent, c.receiving_agent, c.pattern, "                             // 27-29
            + "rq.username, c.requested_role, c.requested_scopes, "                         // 30-32
            + DUE + ", "                                                                     // 33
            + "c.payment_deadline, c.submission_deadline, c.closing_date, "                  // 34-36 timed events
            + "(SELECT COUNT(*) FROM agent_task t WHERE t.card_id = c.id), "                 // 37 checklist
            + "(SELECT COUNT(*) FROM agent_task t WHERE t.card_id = c.id AND t.done_at IS NOT NULL), " // 38
            + "(SELECT COUNT(*) FROM agent_task t WHERE t.card_id = c.id AND t.required AND t.done_at IS NULL), " // 39
            + "c.denial_reason ";                                                            // 40

    private static final String JOINS = "LEFT JOIN client cl ON cl.id = c.client_id "
            + "LEFT JOIN wellness_service sv ON sv.id = c.service_id "
            + "LEFT JOIN staff_member rq ON rq.id = c.requester_id ";

    private static final String SELECT = COLUMNS + "FROM card c " + JOINS;

    /** Followed by a derived table {@code p} of the page's ids. */
    private static final String SELECT_PAGE = COLUMNS + "FROM ";

    private static final String ORDER = " ORDER BY c.workflow_id, c.state, c.position, c.id";
    private static final String ORDER_REVERSED = " ORDER BY c.workflow_id DESC, c.state DESC, c.position DESC, c.id DESC";

    private final DataSource dataSource;

    public CardQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first {@code limit} cards of a column. */
    public List<CardSummary> firstPage(String workflowId, String state, int limit) {
        return page(workflowId, state, ColumnFilter.ALL, 0, limit);
    }

    /** The {@code limit} cards that follow {@code after} in its column. */
    public List<CardSummary> pageAfter(CardSummary after, int limit) {
        return query(SELECT + "WHERE c.workflow_id = ? AND c.state = ? AND (c.position > ? OR (c.position = ? AND c.id > ?))"
                        + ORDER + " LIMIT ?",
                List.of(after.workflowId(), after.state(), after.position(), after.position(), after.id(), limit));
    }

    /** Cards at {@code offset..offset+limit} of a column, for a virtualized list that jumps. */
    public List<CardSummary> page(String workflowId, String state, long offset, int limit) {
        return page(workflowId, state, ColumnFilter.ALL, offset, limit);
    }

    /** Cards at {@code offset..offset+limit} of a column that match {@code filter}. */
    public List<CardSummary> page(String workflowId, String state, ColumnFilter filter, long offset, int limit) {
        return page(workflowId, state, filter, offset, limit, -1);
    }

    /**
     * Cards at {@code offset..offset+limit} of a column that match {@code filter}, where {@code matching} cards
     * match it (as {@link #count} said; -1 if not known). An offset costs a walk over that many index entries, so
     * the page is read from whichever end of the column is nearer: the last page of 100,000 cards costs what the
     * first does. The walk reads only the {@code card_column} index (the ids of the page); the cards' other
     * columns and the joined names are read for the page's cards alone.
     */
    public List<CardSummary> page(String workflowId, String state, ColumnFilter filter, long offset, int limit,
                                  long matching) {
        long skip = offset;
        int take = limit;
        boolean fromEnd = matching >= 0 && matching - (offset + limit) < offset;
        if (fromEnd) {
            long after = matching - (offset + limit); // cards after this page
            take = (int) Math.min(limit, Math.max(0, matching - offset));
            skip = Math.max(0, after);
            if (take == 0) {
                return List.of();
            }
        }
        List<Object> params = new ArrayList<>(List.of(workflowId, state));
        String where = where(filter, params);
        String joins = filter.text() == null || filter.text().isBlank() ? "" : "LEFT JOIN client cl ON cl.id = c.client_id ";
        params.add(take);
        params.add(skip);
        String ids = "SELECT c.id FROM card c " + joins + "WHERE c.workflow_id = ? AND c.state = ?" + where
                + (fromEnd ? ORDER_REVERSED : ORDER) + " LIMIT ? OFFSET ?";
        return query(SELECT_PAGE + "(" + ids + ") p JOIN card c ON c.id = p.id " + JOINS + ORDER, params);
    }

    /** How many cards of a column match {@code filter}. */
    public long count(String workflowId, String state, ColumnFilter filter) {
        List<Object> params = new ArrayList<>(List.of(workflowId, state));
        String where = where(filter, params);
        String joins = filter.text() == null || filter.text().isBlank() ? "" : "LEFT JOIN client cl ON cl.id = c.client_id ";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM card c " + joins
                     + "WHERE c.workflow_id = ? AND c.state = ?" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted: " + e.getMessage(), e);
        }
    }

    /** How many cards each state of a workflow holds. */
    public Map<String, Long> countsByState(String workflowId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM card WHERE workflow_id = ? GROUP BY state")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted: " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * How many cards each state of each workflow holds, in one pass over the column index (checked at start):
     * measured on 100,000 cards, about 100 ms in a fresh JVM and 12-30 ms warm; probing the index between each two
     * known states instead took 145-280 ms fresh, the cost of its hundred small queries.
     */
    public Map<String, Map<String, Long>> countsByWorkflowAndState() {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT workflow_id, state, COUNT(*) FROM card GROUP BY workflow_id, state ORDER BY workflow_id, state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted: " + e.getMessage(), e);
        }
        return counts;
    }

    /** The work-in-progress limits set on a workflow's columns, by state. */
    public Map<String, ColumnLimit> limits(String workflowId) {
        Map<String, ColumnLimit> limits = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, max_cards, hard FROM column_limit WHERE workflow_id = ?")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    limits.put(rs.getString(1), new ColumnLimit(workflowId, rs.getString(1), rs.getInt(2), rs.getBoolean(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Column limits could not be read: " + e.getMessage(), e);
        }
        return limits;
    }

    private static String where(ColumnFilter f, List<Object> params) {
        StringBuilder w = new StringBuilder();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            List<String> columns = List.of("c.title", "c.assignee", "cl.name", "c.curator", "c.client_organisation",
                    "c.contact_name", "c.client_name", "c.objective", "c.format", "c.sending_agent", "c.receiving_agent",
                    "c.requested_scopes", "c.invoice_number");
            w.append(" AND (");
            for (int i = 0; i < columns.size(); i++) {
                w.append(i == 0 ? "" : " OR ").append("LOWER(").append(columns.get(i)).append(") LIKE ? ESCAPE '\\'");
                params.add(like);
            }
            w.append(")");
        }
        if (f.assignee() != null) {
            w.append(" AND c.assignee = ?");
            params.add(f.assignee());
        }
        if (f.overdueAt() != null) {
            w.append(" AND ").append(DUE).append(" < ?");
            params.add(Timestamp.valueOf(f.overdueAt()));
        }
        if (f.highPriority()) {
            w.append(" AND c.priority IN ('HIGH', 'URGENT')");
        }
        return w.toString();
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String s) {
                ps.setString(i + 1, s);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Long n) {
                ps.setLong(i + 1, n);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private List<CardSummary> query(String sql, List<Object> params) {
        List<CardSummary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp due = rs.getTimestamp(33);
                    Instant since = rs.getObject(8, OffsetDateTime.class).toInstant();
                    out.add(new CardSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), Priority.valueOf(rs.getString(7)), since, rs.getLong(9), facts(rs),
                            due == null ? null : due.toLocalDateTime(), dates(rs, since),
                            rs.getInt(37), rs.getInt(38), rs.getInt(39), rs.getString(40)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The dates the card's timed events wait for, for its countdown. */
    private static CardDates dates(ResultSet rs, Instant stateSince) throws SQLException {
        // as stored, not through java.sql.Timestamp (which goes through the JVM's zone, and a clock change in it)
        return new CardDates(rs.getObject(34, LocalDateTime.class), rs.getObject(12, LocalDateTime.class),
                rs.getObject(35, LocalDate.class), rs.getObject(15, LocalDate.class), rs.getObject(36, LocalDate.class),
                rs.getObject(23, LocalDateTime.class), stateSince);
    }

    /** The two or three facts that matter most for the card's kind, as short text. */
    private static List<String> facts(ResultSet rs) throws SQLException {
        List<String> f = new ArrayList<>(3);
        switch (rs.getString(2)) {
            case Booking.WORKFLOW -> {
                add(f, rs.getString(10));
                add(f, rs.getString(11));
                add(f, dateTime(rs.getTimestamp(12)));
            }
            case Exhibition.WORKFLOW -> {
                long artists = rs.getLong(16);
                f.add(artists == 1 ? "1 artist" : artists + " artists");
                Date opening = rs.getDate(15);
                add(f, opening == null ? null : "opens " + opening.toLocalDate().format(DAY));
                add(f, rs.getString(14));
            }
            case ConsultingProject.WORKFLOW -> {
                add(f, rs.getString(17));
                add(f, money(rs.getBigDecimal(18), "fee "));
            }
            case Campaign.WORKFLOW -> {
                Date start = rs.getDate(19);
                Date end = rs.getDate(20);
                if (start != null && end != null) {
                    f.add(start.toLocalDate().format(DAY) + " \u2013 " + end.toLocalDate().format(DAY));
                }
                add(f, money(rs.getBigDecimal(21), "budget "));
            }
            case ContentPiece.WORKFLOW -> {
                add(f, rs.getString(22));
                Timestamp at = rs.getTimestamp(23);
                add(f, at == null ? null : "publish " + at.toLocalDateTime().format(DAY_TIME));
            }
            case InterfaceRelease.WORKFLOW -> {
                add(f, rs.getString(26));
                String kind = rs.getString(24);
                add(f, kind == null ? null : kind.replace('_', ' ').toLowerCase(Locale.ROOT));
                add(f, rs.getString(25) == null ? null : "v" + rs.getString(25));
            }
            case AgentMessage.WORKFLOW -> {
                String from = rs.getString(27);
                String to = rs.getString(28);
                add(f, from == null && to == null ? null : from + " \u2192 " + to);
                add(f, rs.getString(29));
            }
            case PermissionRequest.WORKFLOW -> {
                add(f, rs.getString(30));
                String role = rs.getString(31);
                add(f, role != null ? "role: " + role.replace('_', ' ').toLowerCase(Locale.ROOT) : rs.getString(32));
            }
            default -> {
                // an unknown board shows no facts
            }
        }
        return f;
    }

    private static void add(List<String> facts, String s) {
        if (s != null && !s.isBlank()) {
            facts.add(s);
        }
    }

    private static String dateTime(Timestamp t) {
        return t == null ? null : t.toLocalDateTime().format(DAY_TIME);
    }

    private static String money(BigDecimal amount, String prefix) {
        return amount == null ? null : prefix + "\u00a3" + amount.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
