package network.higherself.console.csv;

import network.higherself.console.card.Artist;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Client;
import network.higherself.console.card.Exhibition;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing cards: every row checked through the pipeline, bad rows named by line and column, all or nothing. */
class CardImportTest {

    private static final Actor FRONT_DESK = Actor.staff("theo", Role.FRONT_DESK);
    private static final String BOOKINGS = Booking.WORKFLOW;

    @TempDir
    Path dir;
    private TestStore store;
    private Transfers transfers;

    @BeforeEach
    void open() {
        store = new TestStore(dir.resolve("data"));
        store.db.sessionFactory().inTransaction(s -> {
            s.persist(new Client("Nora Blake", "nora@example.com", "+44 20 7946 0011"));
            s.persist(new Client("Sam Twin", null, null));
            s.persist(new Client("Sam Twin", null, null));
            s.persist(new Artist("Mira Solen", null));
        });
        transfers = CsvRoundTripTest.transfers(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("in-" + System.nanoTime() + ".csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private ImportReport importBookings(Path file) throws TransferRefused {
        return transfers.imports().run(FRONT_DESK, BOOKINGS, file, null, Progress.NONE);
    }

    private long auditEntries() {
        return store.db.sessionFactory().fromSession(s -> s.createSelectionQuery("select count(e) from AuditEntry e", Long.class)
                .getSingleResult());
    }

    @Test
    void goodRowsAreCardsInTheFirstColumnWithTheirFields() throws Exception {
        ImportReport r = importBookings(csv("Title,Client,Quote,Service date and time,Priority\n"
                + "Sound bath for Nora,Nora Blake,120.00,2026-12-01 14:30,high\n"
                + "\"Massage, deep tissue\",,,,normal\n"));
        assertThat(r.result()).isEqualTo(ImportReport.Result.IMPORTED);
        assertThat(r.summary()).isEqualTo("2 cards imported.");
        store.db.sessionFactory().inSession(s -> {
            List<Booking> cards = s.createSelectionQuery("from Booking b order by b.position", Booking.class).getResultList();
            assertThat(cards).extracting(Booking::getTitle).containsExactly("Sound bath for Nora", "Massage, deep tissue");
            assertThat(cards).extracting(Booking::getState).containsOnly("inquiry");
            assertThat(Booking.CLIENT.get(cards.get(0)).getName()).isEqualTo("Nora Blake");
            assertThat(Booking.QUOTE.get(cards.get(0))).isEqualByComparingTo("120");
        });
        // each card is a creation in the trail, by the person who imported it
        assertThat(auditEntries()).isEqualTo(2);
    }

    @Test
    void aFileWithBadRowsNamesEachByLineAndColumnAndImportsNothing() throws Exception {
        String longTitle = "x".repeat(10_000);
        ImportReport r = importBookings(csv("Title,Client,Quote\n"
                + "Fine row,Nora Blake,10.00\n"
                + "Bad amount,Nora Blake,12,50\n".replace("12,50", "\"12,50\"")
                + "Nobody,Ada Unknown,\n"
                + longTitle + ",,\n"
                + "\"Tab\tin title\",,\n"
                + ",Nora Blake,5\n"
                + "Twins,Sam Twin,\n"));
        assertThat(r.result()).isEqualTo(ImportReport.Result.NOTHING_IMPORTED);
        assertThat(r.problems()).extracting(ImportProblem::text).containsExactly(
                "Line 3, column C \u201cQuote\u201d: '12,50' is not an amount: use a point for the cents, like 12.50",
                "Line 4, column B \u201cClient\u201d: There is no client \u201cAda Unknown\u201d in this console (an import makes "
                        + "no new clients): correct it to a client the console knows (a card's form lists them).",
                "Line 5, column A \u201cTitle\u201d: Title is 10000 characters long; at most 200 fit.",
                "Line 6, column A \u201cTitle\u201d: Title holds a tab at character 4: write it on one line, without tabs or "
                        + "other control characters.",
                "Line 7, column A \u201cTitle\u201d: Title is required.",
                "Line 8, column B \u201cClient\u201d: 2 clients are called \u201cSam Twin\u201d, and the import cannot tell which "
                        + "one is meant: give them names of their own first.");
        assertThat(r.summary()).startsWith("Nothing was imported: 6 of the 7 rows have a problem");
        assertThat(CsvRoundTripTest.cardCount(store)).isZero();
        assertThat(auditEntries()).isZero();
    }

    @Test
    void goodRowsOnlyImportsThemAndWritesTheBadOnesToAFileToFix() throws Exception {
        Path rejects = dir.resolve("to-fix.csv");
        ImportReport r = transfers.imports().run(FRONT_DESK, BOOKINGS, csv("Title,Quote,Client\n"
                + "One,1.00,\n"
                + "Two,abc,Nobody\n"
                + "Three,3.00,\n"
                + "\"=HYPERLINK(\"\"http://x\"\")\",-4,\n"), rejects, Progress.NONE);
        assertThat(r.result()).isEqualTo(ImportReport.Result.GOOD_ROWS_IMPORTED);
        assertThat(r.imported()).isEqualTo(2);
        assertThat(CsvRoundTripTest.cardCount(store)).isEqualTo(2);
        List<CsvText.Row> bad = CsvText.read(rejects);
        assertThat(bad.get(0).cells()).containsExactly("Title", "Quote", "Client", "Reason");
        assertThat(bad).hasSize(3);
        assertThat(bad.get(1).cells().subList(0, 3)).containsExactly("Two", "abc", "Nobody");
        assertThat(bad.get(1).cells().get(3)).contains("Column B \u201cQuote\u201d: 'abc' is not an amount")
                .contains("Column C \u201cClient\u201d: There is no client \u201cNobody\u201d");
        // the formula comes back as the text it was, and sits in the file behind an apostrophe
        assertThat(bad.get(2).cells().get(0)).isEqualTo("=HYPERLINK(\"http://x\")");
        assertThat(Files.readString(rejects)).contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(bad.get(2).cells().get(3)).contains("An amount cannot be negative");
    }

    @Test
    void aDamagedFileGetsASentenceNamingWhereAndNothingIsImported() throws Exception {
        assertRefused("Title,Colour\nA,red\n", "Line 1, column B \u201cColour\u201d is not a field of a booking. Its fields are "
                + "Title, Assignee, Priority, Client, Service, Practitioner, Room, Service date and time, Quote, Payment "
                + "deadline, Amount paid and Cancel reason. Rename the column or delete it.");
        assertRefused("Client,Quote\nNora Blake,1\n", "Line 1: there is no column Title, and every booking needs one. "
                + "Add a column headed Title.");
        assertRefused("Title,Version,Created at\nA,3,2026-01-01\n", "Line 1, column B \u201cVersion\u201d cannot be imported: "
                + "the console keeps the card's version itself");
        assertRefused("Title,Title\nA,B\n", "Line 1, column B \u201cTitle\u201d is the same as column A \u201cTitle\u201d: keep one of them.");
        assertRefused("Title;Quote\nA;1\n", "Line 1: the columns are separated by semicolons, and the console reads commas.");
        assertRefused("Title,Quote\nA,1\n\"B,2\nC,3\n", "line 3: a value starts with a double quote (\") that is never closed");
        assertRefused("", "is empty: an import needs a header line");
        assertRefused("Title,Quote\n", "has a header and no rows: nothing to import.");

        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "Title\nCaf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> importBookings(latin1)).isInstanceOf(TransferRefused.class)
                .hasMessageContaining("latin1.csv, line 2: this is not UTF-8 text").hasMessageContaining("CSV UTF-8");
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "\uFEFFTitle\nA\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> importBookings(utf16)).isInstanceOf(TransferRefused.class)
                .hasMessageContaining("is saved as UTF-16");
        assertThat(CsvRoundTripTest.cardCount(store)).isZero();

        // a spreadsheet's UTF-8 with its byte order mark is read as UTF-8, the mark left out of the first header
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFFTitle,Client\nCaf\u00e9 cr\u00e8me,Nora Blake\n".getBytes(StandardCharsets.UTF_8));
        assertThat(importBookings(bom).result()).isEqualTo(ImportReport.Result.IMPORTED);
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsNamed() throws Exception {
        ImportReport r = importBookings(csv("Title,Quote\nSmith, Ada,10.00\n"));
        assertThat(r.problems()).extracting(ImportProblem::text).containsExactly("Line 2: it has 3 values, and the header "
                + "names 2 columns: a value with a comma in it needs double quotes around it (\"Smith, Ada\").");
    }

    private void assertRefused(String text, String sentence) throws Exception {
        Path f = csv(text);
        assertThatThrownBy(() -> importBookings(f)).isInstanceOf(TransferRefused.class).hasMessageContaining(sentence);
        assertThat(CsvRoundTripTest.cardCount(store)).isZero();
    }

    @Test
    void theStateAndIdOfAnExportAreReadForReferenceOnly() throws Exception {
        ImportReport r = importBookings(csv("Id,State,Title\n999,Completed,Done elsewhere\n5,Inquiry,Just asked\n"));
        assertThat(r.result()).isEqualTo(ImportReport.Result.IMPORTED);
        assertThat(r.summary()).isEqualTo("2 cards imported. The State column is read for reference only: 1 card that was "
                + "in another column starts in Inquiry like every imported card, because a card moves only through its "
                + "workflow's events.");
        store.db.sessionFactory().inSession(s -> assertThat(s.createSelectionQuery("from Booking", Booking.class).getResultList())
                .allSatisfy(b -> {
                    assertThat(b.getState()).isEqualTo("inquiry");
                    assertThat(b.getId()).isNotEqualTo(999L);
                    assertThat(b.getVersion()).isZero();
                }));
    }

    @Test
    void rowsMeetTheColumnsHardLimitLikeAnyNewCard() throws Exception {
        assertThat(store.limits.set(BOOKINGS, "inquiry", 2, true, Actor.system()).isDone()).isTrue();
        ImportReport r = importBookings(csv("Title\nA\nB\nC\n"));
        assertThat(r.result()).isEqualTo(ImportReport.Result.NOTHING_IMPORTED);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).text()).startsWith("Line 4: ").contains("Inquiry");
        assertThat(CsvRoundTripTest.cardCount(store)).isZero();
    }

    @Test
    void somebodyWithoutTheRightToCreateOnABoardImportsNothingIntoIt() throws Exception {
        Path f = csv("Title,Curator\nNight Garden,Ines\n");
        assertThatThrownBy(() -> transfers.imports().run(FRONT_DESK, Exhibition.WORKFLOW, f, null, Progress.NONE))
                .isInstanceOf(TransferRefused.class)
                .hasMessage("theo (front desk) may not create cards on Gallery exhibits, so nothing can be imported into it. "
                        + "Ask for the right with a permission request.");
        // seeing a board is not creating on it
        assertThatThrownBy(() -> transfers.imports().run(FRONT_DESK, "WF-AGT-COMM", f, null, Progress.NONE))
                .isInstanceOf(TransferRefused.class).hasMessageContaining("may not create cards on Agent communications");
        assertThat(CsvRoundTripTest.cardCount(store)).isZero();
    }

    @Test
    void aCancelledImportWritesNothing() throws Exception {
        StringBuilder text = new StringBuilder("Title\n");
        for (int i = 0; i < 50; i++) {
            text.append("Card ").append(i).append('\n');
        }
        AtomicInteger seen = new AtomicInteger();
        ImportReport r = transfers.imports().run(FRONT_DESK, BOOKINGS, csv(text.toString()), null, new Progress() {
            @Override
            public void at(String what, long done, long total) {
                seen.set((int) done);
            }

            @Override
            public boolean cancelled() {
                return seen.get() >= 20;
            }
        });
        assertThat(r.result()).isEqualTo(ImportReport.Result.CANCELLED);
        assertThat(r.summary()).isEqualTo("The import was cancelled: nothing was imported.");
        assertThat(CsvRoundTripTest.cardCount(store)).isZero();
        assertThat(auditEntries()).isZero();
    }

    @Test
    void theRejectsFileIsNeverTheFileBeingImported() throws Exception {
        Path f = csv("Title,Quote\nA,abc\n");
        assertThatThrownBy(() -> transfers.imports().run(FRONT_DESK, BOOKINGS, f, f, Progress.NONE))
                .isInstanceOf(TransferRefused.class).hasMessageContaining("it is the file being imported");
        assertThat(Files.readString(f)).isEqualTo("Title,Quote\nA,abc\n");
    }
}
