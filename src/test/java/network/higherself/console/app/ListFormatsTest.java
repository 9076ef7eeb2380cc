package network.higherself.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code list} as a script reads it, with a title written straight into the database (the change pipeline refuses
 * control characters, but data from before it did, or changed by hand, may hold them): no format lets the title
 * forge a line or a field, and each reads back to the exact title.
 */
class ListFormatsTest {

    /** A newline and tabs that imitate a card line, a carriage return, a backslash, quotes, a comma, a right-to-left override, an emoji. */
    static final String HOSTILE = "Tea\tceremony\n999\tcompleted\tForged card\r\\n \"quoted\", comma \u202Eevil 🌿";

    @TempDir
    Path dir;

    private long hostileId;
    private long plainId;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void aBoardWithAHostileTitle() throws Exception {
        try (Database db = Database.open(new DataFolder(dir), Clock.systemUTC());
             Connection c = db.dataSource().getConnection()) {
            hostileId = insert(c, HOSTILE, 1);
            plainId = insert(c, "Morning yoga for Ravi", 2);
        }
    }

    private static long insert(Connection c, String title, int position) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO card (workflow_id, state, position, title, priority, "
                + "state_since, created_at, updated_at, version) VALUES ('WF-WELL-BOOK', 'inquiry', ?, ?, 'NORMAL', ?, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS)) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            ps.setInt(1, position);
            ps.setString(2, title);
            ps.setObject(3, now);
            ps.setObject(4, now);
            ps.setObject(5, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private String list(String... format) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Launcher.commandLine(user -> Optional.empty());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = Stream.concat(Stream.of("--data-dir", dir.toString(), "list", "--board", "WF-WELL-BOOK",
                "--state", "inquiry"), Stream.of(format)).toArray(String[]::new);
        assertThat(cl.execute(args)).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
        return out.toString();
    }

    @Test
    void textWritesOneLinePerCardWithControlCharactersEscaped() {
        String text = list();
        assertThat(text.lines()).containsExactly(
                hostileId + "\tinquiry\tTea\\tceremony\\n999\\tcompleted\\tForged card\\r\\\\n \"quoted\", comma \\u202eevil 🌿",
                plainId + "\tinquiry\tMorning yoga for Ravi");
        assertThat(list("--format", "TEXT")).as("the default, by name").isEqualTo(text);
    }

    @Test
    void tsvHasAHeaderAndThreeFieldsALineThatUnescapeToTheTitle() {
        List<String> lines = list("--format", "tsv").lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("id\tstate\ttitle");
        String[] fields = lines.get(1).split("\t", -1);
        assertThat(fields).hasSize(3);
        assertThat(fields[0]).isEqualTo(String.valueOf(hostileId));
        assertThat(unescape(fields[2])).isEqualTo(HOSTILE);
        assertThat(lines.get(2)).isEqualTo(plainId + "\tinquiry\tMorning yoga for Ravi");
    }

    @Test
    void csvQuotesTheTitleAndReadsBackExactly() throws Exception {
        String csv = list("--format", "csv");
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
            assertThat(parser.getHeaderNames()).containsExactly("id", "state", "title");
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).get("id")).isEqualTo(String.valueOf(hostileId));
            assertThat(records.get(0).get("state")).isEqualTo("inquiry");
            assertThat(records.get(0).get("title")).isEqualTo(HOSTILE);
            assertThat(records.get(1).get("title")).isEqualTo("Morning yoga for Ravi");
        }
    }

    @Test
    void jsonIsAnArrayOfObjectsThatReadsBackExactly() throws Exception {
        String json = list("--format", "json");
        assertThat(json.lines()).as("the newline stays escaped inside the string").hasSize(1);
        JsonNode cards = new ObjectMapper().readTree(json);
        assertThat(cards.isArray()).isTrue();
        assertThat(cards).hasSize(2);
        assertThat(cards.get(0).get("id").asLong()).isEqualTo(hostileId);
        assertThat(cards.get(0).get("state").asText()).isEqualTo("inquiry");
        assertThat(cards.get(0).get("title").asText()).isEqualTo(HOSTILE);
        assertThat(cards.get(1).get("title").asText()).isEqualTo("Morning yoga for Ravi");
    }

    @Test
    void anUnknownFormatIsAUsageErrorNamingTheFormats() {
        CommandLine cl = Launcher.commandLine(user -> Optional.empty());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--data-dir", dir.toString(), "list", "--board", "WF-WELL-BOOK", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--format'", "TEXT, TSV, CSV, JSON");
        assertThat(out.toString()).isEmpty();
    }

    /** Reads the escapes back: the inverse of what list writes, so the test sees nothing was lost. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\') {
                b.append(ch);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                case 'u' -> {
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("unknown escape \\" + next);
            }
        }
        return b.toString();
    }
}
