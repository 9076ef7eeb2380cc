package network.higherself.console.app;

import network.higherself.console.demo.BulkCards;
import network.higherself.console.demo.DemoData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** {@code init-demo [--cards N]}: demo data for every board, and optionally many generated cards. */
@Command(name = "init-demo", mixinStandardHelpOptions = true,
        description = "Creates demo data for all eight boards (when the database has no cards yet); "
                + "--cards N adds N generated cards spread over the boards, for benchmarks.")
final class InitDemoCommand extends DataCommand {

    /** Ten times the largest board the benchmarks measure; more would only fill the disk for hours. */
    static final int MAX_CARDS = 1_000_000;

    @Option(names = "--cards", paramLabel = "N", description = "Also add N generated cards.")
    Integer cards;

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        if (cards != null && cards < 0) {
            err.println("--cards must be 0 or more, not " + cards + ".");
            return 2;
        }
        if (cards != null && cards > MAX_CARDS) {
            err.println("--cards is at most 1,000,000 (a benchmark needs no more), not " + cards + ".");
            return 2;
        }
        if (DemoData.isEmpty(services.database())) {
            int made = services.demoData().seed();
            out.println("Demo data created in " + services.database().folder() + ": " + made + " cards on "
                    + services.workflows().all().size() + " boards, with their history.");
        } else if (cards == null) {
            out.println(services.database().folder() + " already has cards; no demo data was added.");
        }
        if (cards != null && cards > 0) {
            long start = System.nanoTime();
            new BulkCards(services.database().dataSource(), services.workflows(), services.clock()).insert(cards);
            out.printf("Added %d generated cards in %.1f s.%n", cards, (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
