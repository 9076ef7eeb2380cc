package network.higherself.console.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV as the console reads and writes it: RFC 4180 (commas, double quotes, CRLF) in UTF-8, with a byte order mark
 * so that spreadsheets read the accents right (a mark is skipped when reading). A value that a spreadsheet would
 * run as a formula ({@code =}, {@code +}, {@code -}, {@code @} first) is written after an apostrophe, which reading
 * takes off again, so a card's title can never become a formula on someone's desktop.
 */
public final class CsvText {

    /** The largest file an import reads (a CSV of 10,000 cards is a few megabytes). */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\\t\\r]");
    private static final Pattern GUARDED = Pattern.compile("^''*[=+\\-@\\t\\r]");
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)", Pattern.CASE_INSENSITIVE);

    private CsvText() {
    }

    /** A file that cannot be read as CSV, with the sentence that says where and what to do. */
    public static final class Unreadable extends Exception {
        public Unreadable(String sentence) {
            super(sentence, null, false, false);
        }
    }

    /** One record of a file: the line it starts on, its place among the records (the header is 1), its values. */
    public record Row(int line, int number, List<String> cells) {

        /** Where it is, as a person finds it: in a text editor (the line) and in a spreadsheet (the row). */
        public String where() {
            return line == number ? "Line " + line : "Line " + line + " (row " + number + " in a spreadsheet)";
        }
    }

    /** {@code value} as written to a cell: after an apostrophe when a spreadsheet would take it for a formula. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        return FORMULA.matcher(value).find() ? "'" + value : value;
    }

    /** A cell's value as {@link #cell} wrote it: the apostrophe that guarded a formula taken off. */
    public static String value(String cell) {
        return GUARDED.matcher(cell).find() ? cell.substring(1) : cell;
    }

    /** A printer of CSV to {@code out}, which has been given the byte order mark. */
    public static CSVPrinter printer(Writer out) throws IOException {
        out.write('\uFEFF');
        return new CSVPrinter(out, FORMAT);
    }

    /** Writes one record, each value guarded ({@link #cell}). */
    public static void print(CSVPrinter printer, List<String> values) throws IOException {
        List<String> cells = new ArrayList<>(values.size());
        for (String v : values) {
            cells.add(cell(v));
        }
        printer.printRecord(cells);
    }

    /**
     * Reads {@code file} whole: UTF-8 (a byte order mark skipped), every record with its line, each value as
     * {@link #value} reads it.
     *
     * @throws Unreadable with a sentence naming the file, the line and what to do
     */
    public static List<Row> read(Path file) throws Unreadable {
        String shown = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new Unreadable(shown + " is a folder, not a CSV file: choose the file itself.");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new Unreadable(String.format(Locale.ROOT, "%s has %,d bytes; an import reads at most %,d (about "
                        + "100,000 cards): split it into smaller files.", shown, size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Unreadable("There is no file " + shown + ".");
        } catch (IOException e) {
            throw new Unreadable(shown + " could not be read (" + e.getMessage() + "): check that it is there and that you "
                    + "may read it.");
        }
        return parse(shown, decode(shown, bytes));
    }

    /** The file's bytes as text, if they are UTF-8. */
    static String decode(String shown, byte[] bytes) throws Unreadable {
        int start = 0;
        if (bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2]) {
            start = 3;
        }
        boolean utf16 = bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF);
        for (int i = start; i < bytes.length && !utf16; i++) {
            utf16 = bytes[i] == 0;
        }
        if (utf16) {
            throw new Unreadable(shown + " is saved as UTF-16 (\"Unicode text\"), and the console reads UTF-8: save it "
                    + "again as \"CSV UTF-8 (comma delimited)\" and import that file.");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new Unreadable(shown + ", line " + line + ": this is not UTF-8 text (the file was probably saved as "
                    + "\"CSV\" in a Windows or Mac character set). Save it again as \"CSV UTF-8 (comma delimited)\" and "
                    + "import that file.");
        }
        return out.flip().toString();
    }

    /** The records of {@code text}. */
    static List<Row> parse(String shown, String text) throws Unreadable {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new Unreadable(shown + ", line " + lineOf(e, line) + ": " + quoteProblem(e));
                }
                List<String> cells = new ArrayList<>(r.size());
                for (String c : r) {
                    cells.add(value(c));
                }
                rows.add(new Row(line, rows.size() + 1, cells));
            }
        } catch (IOException e) {
            throw new Unreadable(shown + " could not be read as CSV: " + e.getMessage());
        }
        return rows;
    }

    private static int lineOf(RuntimeException e, int fallback) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : LINE_IN_MESSAGE.matcher(t.getMessage());
            if (m != null && m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return fallback;
    }

    private static String quoteProblem(RuntimeException e) {
        String m = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        if (m.contains("EOF")) {
            return "a value starts with a double quote (\") that is never closed, so the rest of the file was read as "
                    + "that one value. Add the closing quote (a quote inside a value is written twice: \"\"), then import "
                    + "the file again.";
        }
        return "a double quote (\") is out of place: a value with a quote, comma or line break is written inside double "
                + "quotes, and a quote inside it twice (\"\"). Fix the line, then import the file again.";
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes {@code file} whole, or leaves it as it was: the content goes to a temporary file beside it (readable by
     * its owner only, as the console's data is), which then replaces it. A failure or a cancellation
     * ({@link Cancelled}) leaves no part of a file behind.
     */
    public static void writeWhole(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Thrown by a {@link Content} that was asked to stop. */
    public static final class Cancelled extends IOException {
        public Cancelled() {
            super("cancelled", null);
        }
    }

    /** A sentence for a file that could not be written. */
    public static String writeProblem(Path file, IOException e) {
        String why = e instanceof java.nio.file.AccessDeniedException ? "you may not write there"
                : e instanceof NoSuchFileException ? "its folder does not exist"
                : e.getMessage() != null && e.getMessage().contains("No space left") ? "the disk is full"
                : String.valueOf(e.getMessage());
        return file + " could not be written (" + why + "): choose another file or folder. Nothing was written there.";
    }
}
