package network.higherself.console.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The floor of {@link StartBenchmark}'s {@code list}: a plain JDBC program that reads the same rows (id, state, title of
 * one board's cards) from the same H2 file and prints them tab-separated, as {@code list} does. No pool, no Flyway, no
 * Hibernate, no sign-in: only what reading the rows takes. Arguments: the data folder and the board.
 */
public final class PlainList {

    private PlainList() {
    }

    public static void main(String[] args) throws SQLException {
        Path db = Path.of(args[0]).resolve("console").toAbsolutePath();
        PrintWriter out = new PrintWriter(System.out);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db + ";ACCESS_MODE_DATA=r", "sa", "");
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, state, title FROM card WHERE workflow_id = ? ORDER BY state, position, id")) {
            ps.setString(1, args[1]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.println(rs.getString(1) + "\t" + rs.getString(2) + "\t" + rs.getString(3));
                }
            }
        }
        out.flush();
    }
}
