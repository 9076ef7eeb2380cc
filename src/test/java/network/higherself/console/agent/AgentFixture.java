package network.higherself.console.agent;

import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.Channel;
import network.higherself.console.card.Client;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.move.CardChange;
import network.higherself.console.app.Services;
import network.higherself.console.move.CardService;
import network.higherself.console.move.ColumnLimits;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.DataFolder;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A data folder with the agents wired over it, a clock the test moves, and cards put where a test needs them. */
public final class AgentFixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public final Path dir;
    public final TestClock clock = new TestClock(T0, ZONE);
    public final WorkflowCatalog workflows;
    public Database db;
    public Services services;
    public Agents agents;

    public final Actor admin = Actor.staff("amara", Role.ADMINISTRATOR);
    public final Actor manager = Actor.staff("jonas", Role.MANAGER);
    /** The staff member the permission requests are for (lucia), who makes and sends them. */
    public final Actor requester = Actor.staff("lucia", Role.GALLERY_STAFF);
    public final Actor desk = Actor.staff("theo", Role.FRONT_DESK);
    long requesterId;
    long artistId;
    long clientId;
    long segmentId;
    long channelId;

    public AgentFixture(Path dir) {
        this(dir, WorkflowCatalog.bundled(), PatternRegistry.bundled());
    }

    public AgentFixture(Path dir, WorkflowCatalog workflows, PatternRegistry patterns) {
        this.dir = dir;
        this.workflows = workflows;
        db = Database.open(new DataFolder(dir), clock);
        services = Services.wire(db, workflows, clock, patterns);
        agents = services.agents();
        db.sessionFactory().inTransaction(s -> {
            for (Actor a : List.of(admin, manager, desk)) {
                s.persist(new StaffMember(a.name(), a.name(), a.role().orElseThrow(), a.name() + "@higherself.network", T0));
            }
            StaffMember lucia = new StaffMember("lucia", "Lucia", Role.GALLERY_STAFF, "lucia@higherself.network", T0);
            s.persist(lucia);
            Artist artist = new Artist("Ines Moreau", "ines@example.com");
            s.persist(artist);
            Client client = new Client("Nora Blake", "nora@example.com", "+44 20 7946 0011");
            s.persist(client);
            AudienceSegment seg = new AudienceSegment("Retreat alumni");
            s.persist(seg);
            Channel ch = new Channel("Newsletter");
            s.persist(ch);
            requesterId = lucia.getId();
            artistId = artist.getId();
            clientId = client.getId();
            segmentId = seg.getId();
            channelId = ch.getId();
        });
    }

    /** Closes the console and opens it again on the same data: a new runner that remembers nothing. */
    public void restart() {
        db.close();
        db = Database.open(new DataFolder(dir), clock);
        services = Services.wire(db, workflows, clock, PatternRegistry.bundled());
        agents = services.agents();
    }

    public CardService cards() {
        return services.cards();
    }

    public ColumnLimits limits() {
        return services.limits();
    }

    /** What every card of the workflow needs to get anywhere (its guards), plus {@code extra}. */
    public CardChange basics(String workflowId, CardChange extra) {
        return (card, refs) -> {
            if (card instanceof Booking b) {
                Booking.CLIENT.set(b, refs.get(Client.class, clientId));
                Booking.QUOTE.set(b, new BigDecimal("120.00"));
                Booking.AMOUNT_PAID.set(b, new BigDecimal("120.00"));
            } else if (card instanceof Exhibition e) {
                Artist a = refs.get(Artist.class, artistId);
                e.addArtist(a);
                e.addArtwork(a, "Tide", ArtworkStatus.ACCEPTED);
            } else if (card instanceof Campaign c) {
                Campaign.OBJECTIVE.set(c, "More retreat bookings");
                Campaign.SEGMENTS.set(c, List.of(refs.get(AudienceSegment.class, segmentId)));
                Campaign.CHANNELS.set(c, List.of(refs.get(Channel.class, channelId)));
            } else if (card instanceof ContentPiece p) {
                ContentPiece.FORMAT.set(p, "Article");
            } else if (card instanceof PermissionRequest p) {
                PermissionRequest.STAFF_MEMBER.set(p, refs.get(StaffMember.class, requesterId));
                PermissionRequest.REQUESTED_SCOPES.set(p, "view WF-CONSULT");
            }
            if (extra != null) {
                extra.apply(card, refs);
            }
        };
    }

    /** A new card of the workflow with {@code fields}, walked from the initial state to {@code state} by people. */
    public long cardIn(String workflowId, String state, CardChange fields) {
        Outcome created = cards().create(workflowId, "A " + state + " card", creator(workflowId), basics(workflowId, fields));
        assertThat(created).as(created.message()).isInstanceOf(Outcome.Done.class);
        long id = ((Outcome.Done) created).cardId();
        walk(id, workflowId, state);
        return id;
    }

    public void walk(long id, String workflowId, String state) {
        for (Transition t : pathTo(workflows.get(workflowId), state)) {
            Actor who = t.event().equals("manager_approved") ? manager
                    : t.event().equals(PermissionRequest.LOG_EVENT) ? requester : admin;
            Outcome o = cards().move(MoveRequest.byEvent(id, t.event(), who));
            assertThat(o).as("%s: %s", t, o.message()).isInstanceOf(Outcome.Done.class);
        }
    }

    /** Who makes a card of the workflow: a permission request is made by its requester, in their own name. */
    private Actor creator(String workflowId) {
        return workflowId.equals(PermissionRequest.WORKFLOW) ? requester : admin;
    }

    public <T extends Card> T card(long id, Class<T> type) {
        return db.sessionFactory().fromSession(s -> s.find(type, id));
    }

    public String stateOf(long id) {
        return card(id, Card.class).getState();
    }

    public List<AuditEntry> audit(long cardId) {
        return db.sessionFactory().fromSession(s -> s.createSelectionQuery(
                "from AuditEntry where cardId = :id order by seq", AuditEntry.class).setParameter("id", cardId).getResultList());
    }

    /** The shortest chain of transitions from the initial state to {@code target}. */
    static List<Transition> pathTo(Workflow w, String target) {
        String initial = w.initialState().id();
        Map<String, Transition> via = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(initial));
        while (!todo.isEmpty()) {
            String s = todo.poll();
            for (Transition t : w.transitionsFrom(s)) {
                if (!t.to().equals(initial) && !via.containsKey(t.to())) {
                    via.put(t.to(), t);
                    todo.add(t.to());
                }
            }
        }
        List<Transition> path = new ArrayList<>();
        for (String s = target; !s.equals(initial); s = via.get(s).from()) {
            path.add(0, via.get(s));
        }
        return path;
    }

    @Override
    public void close() {
        db.close();
    }
}
