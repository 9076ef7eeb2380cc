package network.higherself.console.store;

import network.higherself.console.card.Card;
import network.higherself.console.card.CardDate;
import network.higherself.console.card.CardDates;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Face;
import network.higherself.console.card.FieldType;
import network.higherself.console.card.PassedDate;
import network.higherself.console.card.Priority;
import network.higherself.console.card.Reference;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads columns page by page in position order, with a query the {@code card_column} index serves; never a
 * whole board at once. Each card comes with the facts its board shows on its face. What is read for a kind of card
 * and what the search looks in follow from the kind's field declarations ({@link CardKind}); rows are read by
 * column name.
 */
public final class CardQueries {

    private static final String ORDER = " ORDER BY c.workflow_id, c.state, c.position, c.id";
    private static final String ORDER_REVERSED = " ORDER BY c.workflow_id DESC, c.state DESC, c.position DESC, c.id DESC";

    private final DataSource dataSource;
    private final Map<String, KindSql> sql = new ConcurrentHashMap<>();

    public CardQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The first {@code limit} cards of a column. */
    public List<CardSummary> firstPage(String workflowId, String state, int limit) {
        return page(workflowId, state, ColumnFilter.ALL, 0, limit);
    }

    /** The {@code limit} cards that follow {@code after} in its column. */
    public List<CardSummary> pageAfter(CardSummary after, int limit) {
        KindSql k = sqlOf(after.workflowId());
        return query(k, k.select + "FROM card c " + k.joins
                        + "WHERE c.workflow_id = ? AND c.state = ? AND (c.position > ? OR (c.position = ? AND c.id > ?))"
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
        KindSql k = sqlOf(workflowId);
        List<Object> params = new ArrayList<>(List.of(workflowId, state));
        String where = k.where(filter, params);
        params.add(take);
        params.add(skip);
        String ids = "SELECT c.id FROM card c " + k.filterJoins(filter) + "WHERE c.workflow_id = ? AND c.state = ?" + where
                + (fromEnd ? ORDER_REVERSED : ORDER) + " LIMIT ? OFFSET ?";
        return query(k, k.select + "FROM (" + ids + ") p JOIN card c ON c.id = p.id " + k.joins + ORDER, params);
    }

    /** How many cards of a column match {@code filter}. */
    public long count(String workflowId, String state, ColumnFilter filter) {
        KindSql k = sqlOf(workflowId);
        List<Object> params = new ArrayList<>(List.of(workflowId, state));
        String where = k.where(filter, params);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) AS cards FROM card c " + k.filterJoins(filter)
                     + "WHERE c.workflow_id = ? AND c.state = ?" + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("cards");
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted: " + e.getMessage(), e);
        }
    }

    /**
     * The cards of a board, in any column, that the board's search finds for {@code text} (title and key fields, the
     * same matching as {@link ColumnFilter#withText}), at most {@code limit}, in column order.
     */
    public List<CardSummary> search(String workflowId, String text, int limit) {
        KindSql k = sqlOf(workflowId);
        ColumnFilter f = ColumnFilter.ALL.withText(text);
        List<Object> params = new ArrayList<>(List.of(workflowId));
        String where = k.where(f, params);
        params.add(limit);
        String ids = "SELECT c.id FROM card c " + k.filterJoins(f) + "WHERE c.workflow_id = ?" + where + ORDER + " LIMIT ?";
        return query(k, k.select + "FROM (" + ids + ") p JOIN card c ON c.id = p.id " + k.joins + ORDER, params);
    }

    /**
     * The cards of a board in {@code states} whose {@code date} is set and lies from {@code from} (inclusive, null:
     * any time before) until {@code until} (exclusive, null: any time after), earliest first. The bounds are of the
     * date's stored type ({@code LocalDateTime}, {@code LocalDate}, {@code Instant}).
     */
    public List<CardSummary> dated(String workflowId, java.util.Collection<String> states, CardDate date, Temporal from,
                                   Temporal until) {
        KindSql k = sqlOf(workflowId);
        if (states.isEmpty() || !date.of(k.kind)) {
            return List.of();
        }
        String col = "c." + date.column();
        List<Object> params = new ArrayList<>(List.of(workflowId));
        params.addAll(states);
        StringBuilder where = new StringBuilder("WHERE c.workflow_id = ? AND c.state IN (")
                .append(String.join(", ", java.util.Collections.nCopies(states.size(), "?"))).append(") AND ")
                .append(col).append(" IS NOT NULL");
        if (from != null) {
            where.append(" AND ").append(col).append(" >= ?");
            params.add(bindable(from));
        }
        if (until != null) {
            where.append(" AND ").append(col).append(" < ?");
            params.add(bindable(until));
        }
        return query(k, k.select + "FROM card c " + k.joins + where + " ORDER BY " + col + ", c.id", params);
    }

    /** One card as its board shows it, or empty when there is no such card. */
    public Optional<CardSummary> card(long id) {
        String workflowId;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT workflow_id FROM card WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                workflowId = rs.getString("workflow_id");
            }
        } catch (SQLException e) {
            throw new StoreException("The card could not be read: " + e.getMessage(), e);
        }
        KindSql k = sqlOf(workflowId);
        return query(k, k.select + "FROM card c " + k.joins + "WHERE c.id = ?", List.of(id)).stream().findFirst();
    }

    /** Where {@code card} is in its column, unfiltered: how many cards come before it (0: it is the first). */
    public long indexInColumn(CardSummary card) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) AS cards_before FROM card c WHERE c.workflow_id = ? "
                     + "AND c.state = ? AND (c.position < ? OR (c.position = ? AND c.id < ?))")) {
            bind(ps, List.of(card.workflowId(), card.state(), card.position(), card.position(), card.id()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("cards_before");
            }
        } catch (SQLException e) {
            throw new StoreException("The card could not be found in its column: " + e.getMessage(), e);
        }
    }

    /** How many cards each state of a workflow holds. */
    public Map<String, Long> countsByState(String workflowId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT state, COUNT(*) AS cards FROM card WHERE workflow_id = ? GROUP BY state")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString("state"), rs.getLong("cards"));
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
                     "SELECT workflow_id, state, COUNT(*) AS cards FROM card GROUP BY workflow_id, state ORDER BY workflow_id, state");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.computeIfAbsent(rs.getString("workflow_id"), k -> new LinkedHashMap<>())
                        .put(rs.getString("state"), rs.getLong("cards"));
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted: " + e.getMessage(), e);
        }
        return counts;
    }

    /**
     * How many cards matching {@code filter} each column holds in each swimlane of {@code fieldKey} (assignee,
     * priority, or the kind's party, see {@link CardKind#party}): one row per column and value that has cards, with the
     * value's name (a staff member's, a client's). One pass over the board's cards, whatever the number of lanes.
     */
    public List<LaneCount> laneCounts(String workflowId, String fieldKey, ColumnFilter filter) {
        KindSql k = sqlOf(workflowId);
        CardField<?> field = laneField(k.kind, fieldKey);
        String value = "c." + field.column();
        String label;
        String join;
        if (field.type() == FieldType.REFERENCE) {
            Reference<?> r = field.reference().orElseThrow();
            label = "lane_r." + r.nameColumn();
            join = "LEFT JOIN " + r.table() + " lane_r ON lane_r.id = " + value + " ";
        } else if (field == Card.ASSIGNEE) {
            label = "lane_s.display_name";
            join = "LEFT JOIN staff_member lane_s ON lane_s.username = " + value + " ";
        } else {
            label = "NULL";
            join = "";
        }
        List<Object> params = new ArrayList<>(List.of(workflowId));
        String where = k.where(filter, params);
        List<LaneCount> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT c.state AS state, " + value + " AS lane_value, " + label
                     + " AS lane_label, COUNT(*) AS cards FROM card c " + k.filterJoins(filter) + join
                     + "WHERE c.workflow_id = ?" + where + " GROUP BY c.state, " + value + ", " + label)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new LaneCount(rs.getString("state"), rs.getString("lane_value"), rs.getString("lane_label"),
                            rs.getLong("cards")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be counted by lane: " + e.getMessage(), e);
        }
        return counts;
    }

    /** The fields a board's cards may be shown in swimlanes by: assignee, priority, and the kind's party if it has one. */
    public static List<CardField<?>> laneFields(String workflowId) {
        List<CardField<?>> fields = new ArrayList<>(List.of(Card.ASSIGNEE, Card.PRIORITY));
        CardKinds.of(workflowId).party().ifPresent(fields::add);
        return fields;
    }

    private static CardField<?> laneField(CardKind kind, String key) {
        return laneFields(kind.workflowId()).stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lanes by " + key + " on " + kind.workflowId()));
    }

    /** The work-in-progress limits set on a workflow's columns, by state. */
    public Map<String, ColumnLimit> limits(String workflowId) {
        Map<String, ColumnLimit> limits = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT state, max_cards, hard FROM column_limit WHERE workflow_id = ?")) {
            ps.setString(1, workflowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    limits.put(rs.getString("state"), new ColumnLimit(workflowId, rs.getString("state"), rs.getInt("max_cards"),
                            rs.getBoolean("hard")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Column limits could not be read: " + e.getMessage(), e);
        }
        return limits;
    }

    private KindSql sqlOf(String workflowId) {
        return sql.computeIfAbsent(workflowId, w -> new KindSql(CardKinds.of(w)));
    }

    /** A date as JDBC binds it: an instant as a UTC timestamp with time zone, a local date or date-time as it is. */
    private static Object bindable(Temporal value) {
        return value instanceof Instant i ? OffsetDateTime.ofInstant(i, ZoneOffset.UTC) : value;
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

    private List<CardSummary> query(KindSql k, String sql, List<Object> params) {
        List<CardSummary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(k.summary(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cards could not be read: " + e.getMessage(), e);
        } catch (UncheckedSql e) {
            throw new StoreException("Cards could not be read: " + e.getCause().getMessage(), e.getCause());
        }
        return out;
    }

    /** A failure to read a value while a kind's face is made from a row. */
    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** The SQL of one card kind: what a page reads for its face and countdowns, what the search looks in. */
    private static final class KindSql {
        private final CardKind kind;
        private final String select;
        private final String joins;
        private final List<String> searched = new ArrayList<>();
        private final String searchJoins;
        private final List<CardDate> dates = new ArrayList<>();

        KindSql(CardKind kind) {
            this.kind = kind;
            StringBuilder s = new StringBuilder("SELECT c.id, c.workflow_id, c.state, c.position, c.title, c.assignee, "
                    + "c.priority, c.state_since, c.version, ");
            StringBuilder j = new StringBuilder();
            for (CardField<?> f : kind.face().fields()) {
                s.append(switch (f.type()) {
                    case REFERENCE -> {
                        j.append(join(f));
                        yield alias(f) + "." + reference(f).nameColumn();
                    }
                    case REFERENCES -> "(SELECT COUNT(*) FROM " + f.joinTable().table() + " l WHERE l."
                            + f.joinTable().ownerColumn() + " = c.id)";
                    default -> "c." + f.column();
                }).append(" AS f_").append(f.key()).append(", ");
            }
            this.joins = j.toString();
            for (CardDate d : CardDate.values()) {
                if (d.field() != null && d.of(kind)) {
                    dates.add(d);
                    s.append("c.").append(d.column()).append(" AS date_").append(d.column()).append(", ");
                }
            }
            s.append("(SELECT COUNT(*) FROM agent_task t WHERE t.card_id = c.id) AS tasks, ")
                    .append("(SELECT COUNT(*) FROM agent_task t WHERE t.card_id = c.id AND t.done_at IS NOT NULL) AS tasks_done, ")
                    .append("(SELECT COUNT(*) FROM agent_task t WHERE t.card_id = c.id AND t.required AND t.done_at IS NULL) "
                            + "AS open_required, ")
                    .append(kind.problem().map(f -> "c." + f.column()).orElse("NULL")).append(" AS problem ");
            this.select = s.toString();
            StringBuilder sj = new StringBuilder();
            for (CardField<?> f : kind.allFields()) {
                if (!f.searchable()) {
                    continue;
                }
                if (f.type() == FieldType.REFERENCE) {
                    searched.add(alias(f) + "." + reference(f).nameColumn());
                    sj.append(join(f));
                } else if (f.column() != null) {
                    searched.add("c." + f.column());
                }
            }
            this.searchJoins = sj.toString();
        }

        private static Reference<?> reference(CardField<?> f) {
            return f.reference().orElseThrow();
        }

        private static String alias(CardField<?> f) {
            return "r_" + f.key();
        }

        private static String join(CardField<?> f) {
            return "LEFT JOIN " + reference(f).table() + " " + alias(f) + " ON " + alias(f) + ".id = c." + f.column() + " ";
        }

        /** The joins the ids of a filtered page need: those the search looks through. */
        String filterJoins(ColumnFilter f) {
            return f.text() == null || f.text().isBlank() ? "" : searchJoins;
        }

        String where(ColumnFilter f, List<Object> params) {
            StringBuilder w = new StringBuilder();
            if (f.text() != null && !f.text().isBlank()) {
                String like = "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                w.append(" AND (");
                for (int i = 0; i < searched.size(); i++) {
                    w.append(i == 0 ? "" : " OR ").append("LOWER(").append(searched.get(i)).append(") LIKE ? ESCAPE '\\'");
                    params.add(like);
                }
                w.append(")");
            }
            if (f.assignee() != null) {
                w.append(" AND c.").append(Card.ASSIGNEE.column()).append(" = ?");
                params.add(f.assignee());
            }
            if (f.overdue() != null) {
                // overdue by the date of the card's current state only: a card of a state that waits for no time never is
                List<String> passed = new ArrayList<>();
                for (PassedDate p : f.overdue()) {
                    if (p.date().of(kind)) {
                        passed.add("(c.state = ? AND c." + p.date().column() + " <= ?)");
                        params.add(p.state());
                        params.add(bindable(p.latest()));
                    }
                }
                w.append(passed.isEmpty() ? " AND FALSE" : " AND (" + String.join(" OR ", passed) + ")");
            }
            if (f.lane() != null) {
                CardField<?> field = laneField(kind, f.lane().fieldKey());
                String col = "c." + field.column();
                if (f.lane().value() == null) {
                    w.append(" AND ").append(col).append(" IS NULL");
                } else if (field.type() == FieldType.REFERENCE) {
                    try {
                        params.add(Long.parseLong(f.lane().value()));
                        w.append(" AND ").append(col).append(" = ?");
                    } catch (NumberFormatException e) {
                        w.append(" AND FALSE"); // no card refers to what is not an id
                    }
                } else {
                    w.append(" AND ").append(col).append(" = ?");
                    params.add(f.lane().value());
                }
            }
            if (f.highPriority()) {
                w.append(" AND c.").append(Card.PRIORITY.column()).append(" IN ('HIGH', 'URGENT')");
            }
            return w.toString();
        }

        CardSummary summary(ResultSet rs) throws SQLException {
            Instant since = rs.getObject("state_since", OffsetDateTime.class).toInstant();
            // as stored, not through java.sql.Timestamp (which goes through the JVM's zone, and a clock change in it)
            CardDates d = CardDates.NONE.withStateSince(since);
            for (CardDate date : dates) {
                String col = "date_" + date.column();
                d = d.with(date, date.kind() == CardDate.Kind.DATE ? rs.getObject(col, LocalDate.class)
                        : (Temporal) rs.getObject(col, LocalDateTime.class));
            }
            return new CardSummary(rs.getLong("id"), rs.getString("workflow_id"), rs.getString("state"),
                    rs.getLong("position"), rs.getString("title"), rs.getString("assignee"),
                    Priority.valueOf(rs.getString("priority")), since, rs.getLong("version"), kind.face().facts(values(rs)),
                    d, rs.getInt("tasks"), rs.getInt("tasks_done"),
                    rs.getInt("open_required"), rs.getString("problem"));
        }

        /** The face's values of the current row, read by their columns' names. */
        private static Face.Values values(ResultSet rs) {
            return new Face.Values() {
                @Override
                @SuppressWarnings({"unchecked", "rawtypes"})
                public <V> V value(CardField<V> field) {
                    String col = "f_" + field.key();
                    return (V) read(() -> switch (field.type()) {
                        case MONEY -> rs.getBigDecimal(col);
                        case DATE -> rs.getObject(col, LocalDate.class);
                        case DATE_TIME -> rs.getObject(col, LocalDateTime.class);
                        case CHOICE -> {
                            String name = rs.getString(col);
                            yield name == null ? null : Enum.valueOf((Class) field.valueType(), name);
                        }
                        default -> rs.getString(col);
                    });
                }

                @Override
                public String name(CardField<?> reference) {
                    return read(() -> rs.getString("f_" + reference.key()));
                }

                @Override
                public long count(CardField<?> references) {
                    return read(() -> rs.getLong("f_" + references.key()));
                }
            };
        }

        /** A column's value read while a card's face is made from its row. */
        private interface Column<T> {
            T read() throws SQLException;
        }

        private static <T> T read(Column<T> column) {
            try {
                return column.read();
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }
    }
}
