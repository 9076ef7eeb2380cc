package network.higherself.console.bench;

// Run it (from the project folder; not part of `mvn verify`):
//
//     mvn -B -q -Pimport-bench test-compile exec:exec        [-Dimport.rows=10000]
//
// It prints figures and never fails on them: the goal (10,000 cards in under 10 s through the pipeline) is reported,
// not asserted.

import network.higherself.console.card.Client;
import network.higherself.console.card.Practitioner;
import network.higherself.console.csv.CardImport;
import network.higherself.console.csv.ImportReport;
import network.higherself.console.csv.Progress;
import network.higherself.console.move.CardService;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.WorkflowCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports N bookings (10,000 by default) from one CSV file through the change pipeline, each row meeting every check
 * of a card made at the desk (the right to create, the column's hard limit, every field, a client and a practitioner
 * looked up by name), in one transaction ({@code CardService.applyAll}); the goal is under 10 s. The baseline,
 * measured in the same run on a database of its own: the same N cards made one by one ({@code CardService.create},
 * a transaction and commit each), as an import without a batch would. A first, smaller import warms the JVM up.
 */
public final class CsvImportBenchmark {

    private static final Actor ACTOR = Actor.staff("bench", Role.FRONT_DESK);
    private static final String WF = "WF-WELL-BOOK";
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The CPU time of the last run's thread: on a machine others share, the wall time says how busy they were too. */
    private static double lastCpu;

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("import.rows", 10_000);
        Path root = Files.createTempDirectory("hsc-import-bench");
        try {
            Path csv = root.resolve("bookings.csv");
            StringBuilder text = new StringBuilder("Title,Client,Practitioner,Room,Service date and time,Quote,Priority\n");
            for (int i = 0; i < rows; i++) {
                text.append("Booking ").append(i).append(",Client ").append(i % 50).append(",Anouk Varga,Room ")
                        .append(i % 7).append(",2027-0").append(1 + i % 9).append("-1").append(i % 10).append(" 1")
                        .append(i % 10).append(":30,").append(60 + i % 200).append(".00,").append(i % 3 == 0 ? "high" : "normal")
                        .append('\n');
            }
            Files.writeString(csv, text);
            Path warm = root.resolve("warm.csv");
            Files.writeString(warm, text.substring(0, nthLine(text, Math.min(rows, 2000) + 1)));

            System.out.printf(Locale.ROOT, "CSV import benchmark: %,d bookings (%,d bytes), Java %s, %d cores%n", rows,
                    Files.size(csv), System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            imported(root.resolve("warm"), warm);
            double batch = imported(root.resolve("measured"), csv);
            double batchCpu = lastCpu;
            double oneByOne = oneByOne(root.resolve("baseline"), rows);
            double oneByOneCpu = lastCpu;
            System.out.printf(Locale.ROOT, "load average before: %.1f%n", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "import (one transaction, every row through the pipeline): %8.2f s wall, %6.2f s CPU"
                    + "  %7.0f cards/s%n", batch, batchCpu, rows / batch);
            System.out.printf(Locale.ROOT, "baseline (one create and commit per card):                %8.2f s wall, %6.2f s CPU"
                    + "  %7.0f cards/s%n", oneByOne, oneByOneCpu, rows / oneByOne);
            System.out.printf(Locale.ROOT, "import / baseline: %.2f;  goal (%,d cards under 10 s): %s%n", batch / oneByOne,
                    rows, batch < 10 ? "met" : "NOT met");
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int nthLine(CharSequence text, int lines) {
        int at = 0;
        for (int n = 0; n < lines; n++) {
            at = text.toString().indexOf('\n', at) + 1;
        }
        return at;
    }

    /** Seconds to import {@code csv} into a new database (the reference lists made first, outside the timing). */
    private static double imported(Path dir, Path csv) throws Exception {
        try (Database db = open(dir)) {
            CardService cards = new CardService(db.sessionFactory(), WorkflowCatalog.bundled(), Clock.systemUTC());
            CardImport imports = new CardImport(cards, WorkflowCatalog.bundled());
            long start = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            ImportReport report = imports.run(ACTOR, WF, csv, null, Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            lastCpu = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            if (report.result() != ImportReport.Result.IMPORTED) {
                throw new IllegalStateException(report.summary() + " " + report.problems().stream().limit(3).toList());
            }
            return seconds;
        }
    }

    /** Seconds to make {@code rows} cards one by one, each its own transaction. */
    private static double oneByOne(Path dir, int rows) {
        try (Database db = open(dir)) {
            CardService cards = new CardService(db.sessionFactory(), WorkflowCatalog.bundled(), Clock.systemUTC());
            long start = System.nanoTime();
            long cpu = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < rows; i++) {
                int n = i;
                Outcome o = cards.create(WF, "Booking " + i, ACTOR, (card, refs) ->
                        network.higherself.console.card.Booking.QUOTE.set(card, new java.math.BigDecimal(60 + n % 200)));
                if (!o.isDone()) {
                    throw new IllegalStateException(o.message());
                }
            }
            lastCpu = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static Database open(Path dir) {
        Database db = Database.open(new DataFolder(dir), Clock.systemUTC());
        db.sessionFactory().inTransaction(s -> {
            for (int i = 0; i < 50; i++) {
                s.persist(new Client("Client " + i, "client" + i + "@example.com", null));
            }
            s.persist(new Practitioner("Anouk Varga"));
        });
        return db;
    }
}
