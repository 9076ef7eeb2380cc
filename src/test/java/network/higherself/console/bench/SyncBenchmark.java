package network.higherself.console.bench;

import network.higherself.console.app.Services;
import network.higherself.console.card.Card;
import network.higherself.console.demo.BulkCards;
import network.higherself.console.move.Change;
import network.higherself.console.move.FieldValues;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.store.DataFolder;
import network.higherself.console.sync.SyncLoop;
import network.higherself.console.sync.TestServer;
import network.higherself.console.sync.TwoDesktops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12's sync figures against a real PostgreSQL (zonky's embedded 17.6): events pushed, a change's trip from A's
 * commit to B's database through the background loops (LISTEN/NOTIFY), and a new desktop's download. Prints figures
 * and ratios against the same run's local pipeline; never fails on a figure. Run with
 * {@code mvn -B -q -Psync-bench test-compile exec:exec [-Dsync.events=10000 -Dsync.trips=200 -Dsync.cards=100000]}.
 */
public final class SyncBenchmark {

    private static final Actor AMARA = TwoDesktops.AMARA;

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("sync.events", 10_000);
        int trips = Integer.getInteger("sync.trips", 200);
        int download = Integer.getInteger("sync.cards", 10_000);
        Path dir = Files.createTempDirectory("hsc-sync-bench");
        try (TestServer server = TestServer.start(dir)) {
            try (TwoDesktops desks = TwoDesktops.connect(server, dir.resolve("templates"), dir.resolve("run"))) {
                push(desks, events);
                trips(desks, trips);
            }
            download(server, dir, download);
        }
        System.exit(0);
    }

    /** {@code n} edits made on A through the pipeline (the baseline), then sent in one sync round. */
    private static void push(TwoDesktops desks, int n) {
        List<Card> cards = someCards(desks.a, 200);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            edit(desks.a, cards.get(i % cards.size()), " e" + i);
        }
        double made = seconds(t);
        t = System.nanoTime();
        var pushed = desks.a.sync().push(desks.serverA);
        double sent = seconds(t);
        t = System.nanoTime();
        var report = desks.a.sync().now(desks.serverA);
        double back = seconds(t);
        System.out.printf(Locale.ROOT, "push: %,d events made here through the pipeline in %.2f s (baseline); %,d sent in %.2f s "
                + "(%,.0f events/s, goal under 2 s; %.2fx the baseline); the next round read its own %,d back in %.2f s%n",
                n, made, pushed.pushed(), sent, n / sent, sent / made, report.pulled(), back);
        t = System.nanoTime();
        var taken = desks.b.sync().now(desks.serverB);
        System.out.printf(Locale.ROOT, "pull: B made the %,d events here through the pipeline in %.2f s%n", taken.applied(), seconds(t));
    }

    /** A's change, from its commit to B's database, through both desktops' background loops. */
    private static void trips(TwoDesktops desks, int n) throws InterruptedException {
        Object heard = new Object();
        SyncLoop loopA = new SyncLoop(desks.a.sync(), desks.serverA.address(), Clock.systemUTC(), s -> { });
        SyncLoop loopB = new SyncLoop(desks.b.sync(), desks.serverB.address(), Clock.systemUTC(), s -> {
            synchronized (heard) {
                heard.notifyAll();
            }
        });
        loopA.start();
        loopB.start();
        Thread.sleep(2000); // both listening
        List<Card> cards = someCards(desks.a, 50);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            Card c = cards.get(i % cards.size());
            String title = edit(desks.a, c, " t" + i);
            long t = System.nanoTime();
            loopA.wake();
            while (!title.equals(title(desks.b, c))) {
                synchronized (heard) {
                    heard.wait(5);
                }
            }
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        loopA.close();
        loopB.close();
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "trip: %d changes from A's commit to B's database: p50 %.0f ms, p99 %.0f ms, max %.0f ms "
                + "(goal p99 under 1 s)%n", n, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1]);
    }

    /** A desktop with {@code n} cards uploads them to a new server; a new desktop downloads them. */
    private static void download(TestServer server, Path dir, int n) throws Exception {
        String url = TwoDesktops.newServerDatabase(server);
        Path templates = dir.resolve("templates").resolve("b");
        try (Services first = Services.open(new DataFolder(TwoDesktops.copy(templates, dir.resolve("first"))), Clock.systemUTC());
             Services joiner = Services.open(new DataFolder(TwoDesktops.copy(templates, dir.resolve("joiner"))), Clock.systemUTC())) {
            long t = System.nanoTime();
            new BulkCards(first.database().dataSource(), first.workflows(), Clock.systemUTC()).insert(n);
            double made = seconds(t);
            t = System.nanoTime();
            first.sync().connect(TwoDesktops.desk(server, url, "desk_first"), AMARA);
            double up = seconds(t);
            t = System.nanoTime();
            String said = joiner.sync().connect(TwoDesktops.desk(server, url, "desk_joiner"), AMARA);
            double down = seconds(t);
            System.out.printf(Locale.ROOT, "download: %,d cards inserted in bulk in %.1f s (baseline); uploaded by the first "
                    + "desktop in %.1f s (%,.0f cards/s); downloaded by a new desktop in %.1f s (%,.0f cards/s, %.1fx the "
                    + "upload): %s%n", n, made, up, n / up, down, n / down, down / up, said);
        }
    }

    private static List<Card> someCards(Services s, int n) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery("from Card c order by c.id", Card.class)
                .getResultList()).stream().filter(c -> !c.workflowId().equals("WF-PERM-MGT")).limit(n).toList();
    }

    private static String edit(Services s, Card c, String suffix) {
        Card now = s.database().sessionFactory().fromSession(x -> x.find(Card.class, c.getId()));
        String title = now.getTitle().replaceAll(" [et]\\d+$", "") + suffix;
        Outcome o = s.cards().apply(AMARA, new Change.Edit(now.getId(), now.getVersion(), FieldValues.NONE.with(Card.TITLE, title)));
        if (!o.isDone()) {
            throw new IllegalStateException(o.message());
        }
        return title;
    }

    private static String title(Services s, Card onA) {
        return s.database().sessionFactory().fromSession(x -> x.createSelectionQuery(
                "select c.title from Card c where c.uid = :u", String.class).setParameter("u", onA.getUid()).getSingleResult());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
