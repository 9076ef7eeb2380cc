package network.higherself.console.csv;

import network.higherself.console.card.Artist;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Channel;
import network.higherself.console.card.Client;
import network.higherself.console.card.Practitioner;
import network.higherself.console.card.WellnessService;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.Workflow;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trip: every board of the demo data exported, imported into a data folder that has no cards (only the same
 * clients, artists, services... which an import never makes), and the cards match field by field, in their order.
 */
class CsvRoundTripTest {

    private static final Actor ADMIN = Actor.staff("amara", Role.ADMINISTRATOR);

    @TempDir
    Path dir;

    @Test
    void everyBoardComesBackFieldByField() throws Exception {
        try (TestStore source = new TestStore(dir.resolve("source")); TestStore target = new TestStore(dir.resolve("target"))) {
            source.demoData().seed();
            copyReferenceLists(source, target);
            assertThat(cardCount(target)).isZero();
            Transfers from = transfers(source);
            Transfers into = transfers(target);
            int boards = 0;
            // in the sidebar's order, with the campaigns before the content that names them
            for (Workflow w : source.workflows.all()) {
                Path file = dir.resolve(w.id() + ".csv");
                int exported = from.cards().export(ADMIN, w.id(), file, Progress.NONE);
                ImportReport report = into.imports().run(ADMIN, w.id(), file, null, Progress.NONE);
                if (w.id().equals("WF-PERM-MGT")) {
                    // a request is its requester's own: an administrator cannot file the staff's requests for them
                    assertThat(report.result()).isEqualTo(ImportReport.Result.NOTHING_IMPORTED);
                    assertThat(report.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.text()).startsWith("Line "));
                    continue;
                }
                assertThat(report.result()).as(w.id() + ": " + report.problems()).isEqualTo(ImportReport.Result.IMPORTED);
                assertThat(report.imported()).isEqualTo(exported).isPositive();
                List<List<String>> was = fields(source, w);
                List<List<String>> now = fields(target, w);
                assertThat(now).as(w.id()).containsExactlyElementsOf(was);
                assertThat(now).allSatisfy(card -> assertThat(card.get(1)).isEqualTo(w.initialState().id()));
                boards++;
            }
            assertThat(boards).isEqualTo(7);
        }
    }

    static Transfers transfers(TestStore store) {
        return new Transfers(new CardExport(store.db.sessionFactory(), store.service, store.workflows),
                new CardImport(store.service, store.workflows),
                new AuditExport(store.db.dataSource(), store.workflows, store.clock));
    }

    /** Each card of the board in export order (state by state, then position): its state and every field as shown. */
    private static List<List<String>> fields(TestStore store, Workflow w) {
        try (Session s = store.db.sessionFactory().openSession()) {
            List<List<String>> out = new ArrayList<>();
            for (var state : w.states()) {
                for (Card c : s.createSelectionQuery("from Card c where c.state = :s order by c.position, c.id", Card.class)
                        .setParameter("s", state.id()).getResultList()) {
                    if (!c.workflowId().equals(w.id())) {
                        continue;
                    }
                    List<String> values = new ArrayList<>();
                    values.add(c.getTitle());
                    values.add(c.getState());
                    for (CardField<?> f : CardKinds.fields(w.id())) {
                        values.add(f.key() + "=" + f.display(c));
                    }
                    out.add(values);
                }
            }
            // the target holds every card in the first column: compare without the states' order
            out.sort(java.util.Comparator.comparing((List<String> v) -> v.get(0)));
            return out.stream().map(v -> {
                List<String> copy = new ArrayList<>(v);
                copy.set(1, w.initialState().id());
                return copy;
            }).toList();
        }
    }

    static long cardCount(TestStore store) {
        return store.db.sessionFactory().fromSession(s -> s.createSelectionQuery("select count(c) from Card c", Long.class)
                .getSingleResult());
    }

    /** The clients, artists, services, practitioners, segments, channels and staff of {@code source}, by name. */
    static void copyReferenceLists(TestStore source, TestStore target) {
        source.db.sessionFactory().inSession(s -> target.db.sessionFactory().inTransaction(t -> {
            s.createSelectionQuery("from Client", Client.class).getResultList()
                    .forEach(c -> t.persist(new Client(c.getName(), c.getEmail(), c.getPhone())));
            s.createSelectionQuery("from Artist", Artist.class).getResultList()
                    .forEach(a -> t.persist(new Artist(a.getName(), a.getEmail())));
            s.createSelectionQuery("from WellnessService", WellnessService.class).getResultList()
                    .forEach(w -> t.persist(new WellnessService(w.getName(), w.getKind(), w.getListPrice())));
            s.createSelectionQuery("from Practitioner", Practitioner.class).getResultList()
                    .forEach(p -> t.persist(new Practitioner(p.getName())));
            s.createSelectionQuery("from AudienceSegment", AudienceSegment.class).getResultList()
                    .forEach(a -> t.persist(new AudienceSegment(a.getName())));
            s.createSelectionQuery("from Channel", Channel.class).getResultList()
                    .forEach(c -> t.persist(new Channel(c.getName())));
            s.createSelectionQuery("from StaffMember", StaffMember.class).getResultList()
                    .forEach(m -> t.persist(new StaffMember(m.getUsername(), m.getDisplayName(), m.getRole(), m.getEmail(),
                            m.getCreatedAt())));
        }));
    }
}
