package network.higherself.console.demo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.audit.AccountEntry;
import network.higherself.console.audit.AuditTrail;
import network.higherself.console.card.AgentMessage;
import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Booking;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.Channel;
import network.higherself.console.card.Client;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.ContentPiece;
import network.higherself.console.card.Exhibition;
import network.higherself.console.card.InterfaceRelease;
import network.higherself.console.card.Milestone;
import network.higherself.console.card.PermissionRequest;
import network.higherself.console.card.PortalKind;
import network.higherself.console.card.Practitioner;
import network.higherself.console.card.Priority;
import network.higherself.console.card.ServiceKind;
import network.higherself.console.card.WellnessService;
import network.higherself.console.move.CardChange;
import network.higherself.console.move.CardService;
import network.higherself.console.move.MoveRequest;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.PasswordHash;
import network.higherself.console.staff.Passwords;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.store.Database;
import network.higherself.console.workflow.State;
import network.higherself.console.workflow.Transition;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.SessionFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic demo data for all eight boards: staff, artists, clients, services, segments and channels, and a
 * card or two in every column of every board, each brought there by a believable, backdated history of moves
 * made through the enforcement point (so the audit trail tells the story).
 */
public final class DemoData {

    /** The demo staff: one per role (two managers, for four-eyes approvals). */
    public static final Map<String, Role> STAFF = staff();

    /**
     * The demo staff accounts' password, shown on the sign-in screen of a demo database. Public by design: it
     * protects nothing but demo data.
     */
    public static final String DEMO_PASSWORD = "higherself-demo";

    /** A demo account as the sign-in screen lists it. */
    public record DemoAccount(String username, String displayName, Role role, String password) {
    }

    private static final Map<String, String> NAMES = Map.of("amara", "Amara Osei", "jonas", "Jonas Berg",
            "lucia", "Lucia Marin", "theo", "Theo Laurent", "priya", "Priya Nair", "malik", "Malik Hassan",
            "elena", "Elena Voss");

    /** Who works on which board, for the demo cards' assignees. */
    private static final Map<String, List<String>> ASSIGNEES = Map.of(
            Exhibition.WORKFLOW, List.of("lucia", "jonas"), Booking.WORKFLOW, List.of("theo", "elena"),
            ConsultingProject.WORKFLOW, List.of("priya", "jonas"), Campaign.WORKFLOW, List.of("malik", "elena"),
            ContentPiece.WORKFLOW, List.of("malik", "lucia"), InterfaceRelease.WORKFLOW, List.of("malik", "amara"),
            AgentMessage.WORKFLOW, List.of("amara", "jonas"), PermissionRequest.WORKFLOW, List.of("jonas", "elena"));

    /** Who asks for access in the demo's permission requests. */
    private static final List<String> REQUESTERS = List.of("lucia", "theo", "malik", "priya");

    private final Database database;
    private final WorkflowCatalog workflows;
    private final Clock realClock;
    private final CardService service;
    private final SteppingClock clock;
    private final Random random = new Random(42);
    /** The demo's agent messages to choose from, each about a demo card made before, by their titles. */
    private Map<String, Message> messages = Map.of();
    /** The titles each board's demo cards have taken: no two cards of a board share one. */
    private final Map<String, java.util.Set<String>> titled = new HashMap<>();
    /** The scope the next demo permission request asks for (an index into {@link #SCOPES}). */
    private int requestScope;

    /** What the demo's permission requests ask for, and how their titles say it. */
    private static final List<String> SCOPES = List.of("edit WF-CONT-CYCLE", "view WF-CONSULT",
            "fire payment_received on WF-WELL-BOOK", "create WF-MKTG-CAMP");
    private static final List<String> SCOPE_TITLES = List.of("edit the content board", "view consulting projects",
            "record payments", "create campaigns");

    /** One agent message of the demo: who sends it to whom by which pattern, with what. */
    private record Message(String sender, String receiver, String pattern, String payload) {
    }

    /**
     * Demo data written through {@code service}, a change pipeline whose clock is {@code clock}: the demo sets it
     * back to make each card's history, before {@code realClock}'s now.
     */
    public DemoData(Database database, WorkflowCatalog workflows, Clock realClock, CardService service, SteppingClock clock) {
        this.database = database;
        this.workflows = workflows;
        this.realClock = realClock;
        this.service = service;
        this.clock = clock;
    }

    private static Map<String, Role> staff() {
        Map<String, Role> m = new LinkedHashMap<>();
        m.put("amara", Role.ADMINISTRATOR);
        m.put("jonas", Role.MANAGER);
        m.put("lucia", Role.GALLERY_STAFF);
        m.put("theo", Role.FRONT_DESK);
        m.put("priya", Role.CONSULTANT);
        m.put("malik", Role.MARKETING);
        m.put("elena", Role.MANAGER);
        return m;
    }

    /**
     * The demo accounts whose password is still {@link #DEMO_PASSWORD}, oldest first: what the sign-in
     * screen may show. Empty in a real database (no such accounts, or their passwords were changed), so the
     * screen never shows a password that does not work. Checks the stored hashes in parallel (about 1 s on two
     * cores for the seven accounts): call it in the background.
     */
    public static List<DemoAccount> demoAccounts(Database database) {
        List<StaffMember> members = database.sessionFactory().fromSession(s ->
                s.createSelectionQuery("from StaffMember where username in :names order by id", StaffMember.class)
                        .setParameter("names", STAFF.keySet())
                        .getResultList());
        Passwords passwords = new Passwords();
        return members.parallelStream() // an ordered stream: the result keeps the accounts' order
                .filter(m -> m.password().filter(h -> passwords.verify(DEMO_PASSWORD.toCharArray(), h)).isPresent())
                .map(m -> new DemoAccount(m.getUsername(), m.getDisplayName(), m.getRole(), DEMO_PASSWORD))
                .toList();
    }

    /** Whether the database has no cards yet. */
    public static boolean isEmpty(Database database) {
        return database.sessionFactory().fromSession(s ->
                s.createSelectionQuery("select count(c) from Card c", Long.class).getSingleResult()) == 0;
    }

    /**
     * Writes the demo's people and things (its staff accounts, artists, clients, services...) without any card:
     * what a desktop that joins a sync server with the demo's accounts starts from.
     */
    public void seedPeople() {
        references(database.sessionFactory(), realClock.instant().minus(Duration.ofDays(90)), realClock.getZone());
    }

    /** Writes the demo data; returns how many cards were created. */
    public int seed() {
        Instant now = realClock.instant();
        ZoneId zone = realClock.getZone();
        clock.set(now.minus(Duration.ofDays(60)));
        Reference refs = references(database.sessionFactory(), now.minus(Duration.ofDays(90)), zone);

        Map<String, Actor> staff = new HashMap<>();
        refs.staff.forEach((name, m) -> staff.put(name, m.asActor()));

        int created = 0;
        for (Workflow w : workflows.all()) {
            if (w.id().equals(AgentMessage.WORKFLOW)) {
                messages = messages();
            }
            List<State> states = w.states();
            for (int k = 0; k < states.size(); k++) {
                int perColumn = k % 3 == 0 ? 2 : 1;
                for (int n = 0; n < perColumn; n++) {
                    List<Transition> path = pathTo(w, states.get(k).id());
                    Instant start = now.minus(Duration.ofHours(24L * (path.size() + 2) + random.nextInt(240)));
                    clock.set(start);
                    String title = Titles.next(w.id(), random);
                    // a permission request is made, and sent for review, by the person who asks
                    String person = w.id().equals(PermissionRequest.WORKFLOW) ? requester() : defaultStaff(w);
                    Outcome o = service.create(w.id(), title, staff.get(person), fill(refs, zone, now, person, states.get(k).id()));
                    if (!(o instanceof Outcome.Done done)) {
                        throw new IllegalStateException("Demo card '" + title + "' was refused: " + o.message());
                    }
                    created++;
                    Instant at = start;
                    for (Transition t : path) {
                        at = at.plus(Duration.ofHours(6 + random.nextInt(40)));
                        if (at.isAfter(now.minus(Duration.ofHours(1)))) {
                            at = now.minus(Duration.ofMinutes(30 + random.nextInt(30)));
                        }
                        clock.set(at);
                        fire(w, done.cardId(), t, staff, person);
                    }
                }
            }
        }
        return created;
    }

    private void fire(Workflow w, long cardId, Transition t, Map<String, Actor> staff, String person) {
        Actor actor = w.agentFor(t.from())
                .filter(a -> a.states().contains(t.from()))
                .map(a -> Actor.agent(a.personality().orElse(a.agent())))
                .orElse(staff.get(person));
        String note = Notes.next(random);
        MoveRequest request = MoveRequest.byEvent(cardId, t.event(), actor).withNote(note);
        if (w.id().equals(AgentMessage.WORKFLOW) && denialReason(t.event(), "", "", "") != null) {
            request = request.with((CardChange) (c, r) -> AgentMessage.DENIAL_REASON.set(c, denialReason(t.event(),
                    AgentMessage.SENDING_AGENT.get(c), AgentMessage.RECEIVING_AGENT.get(c), AgentMessage.PATTERN.get(c))));
        }
        Outcome o = service.move(request);
        // the event needs more data, or someone else's right (a manager's approval, an administrator's
        // clearance): complete the card as the person would, and let the right people act
        List<Actor> others = List.of(actor, staff.get("jonas"), staff.get("amara"));
        for (int i = 0; i < others.size() && retryable(o); i++) {
            o = service.move(MoveRequest.byEvent(cardId, t.event(), others.get(i)).withNote(note).with(completion()));
        }
        if (!o.isDone()) {
            throw new IllegalStateException("Demo move " + t + " of card #" + cardId + " was refused: " + o.message());
        }
    }

    /** The reason the gate would give, for the demo's messages that end denied or failed (null for other events). */
    private static String denialReason(String event, String sender, String receiver, String pattern) {
        return switch (event) {
            case "pattern_not_authorized" -> "No authorized pattern lets " + sender + " send " + pattern + " to " + receiver + ".";
            case "permission_denied" -> sender + " is responsible for no state of the board the " + pattern + " is about.";
            case "validation_failed" -> "The payload lacks card_id, which " + pattern + " must carry.";
            case "communication_error" -> "Delivery failed: " + receiver + " did not take the message within 30 s.";
            default -> null;
        };
    }

    private static boolean retryable(Outcome o) {
        return o instanceof Outcome.Refused r
                && (r.reason() == Outcome.Refusal.GUARD || r.reason() == Outcome.Refusal.NOT_PERMITTED);
    }

    private static String defaultStaff(Workflow w) {
        return switch (w.id()) {
            case Exhibition.WORKFLOW -> "lucia";
            case Booking.WORKFLOW -> "theo";
            case ConsultingProject.WORKFLOW -> "priya";
            case PermissionRequest.WORKFLOW -> "jonas";
            case AgentMessage.WORKFLOW -> "amara";
            default -> "malik";
        };
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

    /**
     * The card's fields as a person would have filled them when creating it, with dates that fit the column it will
     * reach ({@code target}): a booking in preparation has its service tomorrow, one being served today; an
     * exhibition being set up opens within the week, an open one closes within it (the Today view has its lines).
     */
    private CardChange fill(Reference refs, ZoneId zone, Instant now, String person, String target) {
        int pick = random.nextInt(1000);
        LocalDate today = LocalDate.ofInstant(now, zone);
        return (card, r) -> {
            card.setPriority(Priority.values()[pick % 4]);
            card.setAssignee(ASSIGNEES.getOrDefault(card.workflowId(), List.of("jonas")).get(pick % 2));
            if (!(card instanceof Booking || card instanceof AgentMessage || card instanceof PermissionRequest)) {
                card.setTitle(unused(card.workflowId(), Titles.all(card.workflowId()), pick));
            }
            if (card instanceof Exhibition e) {
                Exhibition.CURATOR.set(e, List.of("Lucia Marin", "Jonas Berg", "Ines Okafor").get(pick % 3));
                Artist a1 = r.get(Artist.class, refs.artists.get(pick % refs.artists.size()));
                Artist a2 = r.get(Artist.class, refs.artists.get((pick + 1) % refs.artists.size()));
                if (e.getArtists().isEmpty()) {
                    e.addArtist(a1);
                    e.addArtist(a2);
                    e.addArtwork(a1, Titles.artwork(pick), ArtworkStatus.ACCEPTED);
                    e.addArtwork(a2, Titles.artwork(pick + 7), ArtworkStatus.SUBMITTED);
                }
                LocalDate opening = switch (target) {
                    case "setup" -> today.plusDays(1 + pick % 5); // opens this week, not today: the agent would open it
                    case "active" -> today.minusDays(20 + pick % 10);
                    default -> today.plusDays(35 + pick % 20);
                };
                Exhibition.SUBMISSION_DEADLINE.set(e, opening.isAfter(today) && !target.equals("setup")
                        ? today.plusDays(10 + pick % 20) : opening.minusDays(25));
                Exhibition.OPENING_DATE.set(e, opening);
                Exhibition.CLOSING_DATE.set(e, target.equals("active") ? today.plusDays(2 + pick % 4) : today.plusDays(80 + pick % 30));
            } else if (card instanceof Booking b) {
                // one client's one service: every pair of a client and a service is a title of its own
                List<String> pairs = new ArrayList<>();
                for (long serviceId : refs.services) {
                    String service = r.get(WellnessService.class, serviceId).getName().replaceAll(" \\(.*\\)", "");
                    for (long clientId : refs.clients) {
                        pairs.add(service + " for " + r.get(Client.class, clientId).getName().split(" ")[0]);
                    }
                }
                int pair = pairs.indexOf(unused(b.workflowId(), pairs, pick));
                Client client = r.get(Client.class, refs.clients.get(pair % refs.clients.size()));
                Booking.CLIENT.set(b, client);
                WellnessService s = r.get(WellnessService.class, refs.services.get(pair / refs.clients.size()));
                b.setTitle(pairs.get(pair));
                Booking.SERVICE.set(b, s);
                Booking.PRACTITIONER.set(b, r.get(Practitioner.class, refs.practitioners.get(pick % refs.practitioners.size())));
                LocalDateTime at = switch (target) {
                    case "preparation" -> today.plusDays(1).atTime(9 + pick % 8, pick % 2 == 0 ? 0 : 30);
                    case "service_delivery" -> LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.HOURS).minusHours(1);
                    default -> today.plusDays(3 + pick % 25).atTime(9 + pick % 8, pick % 2 == 0 ? 0 : 30);
                };
                Booking.SERVICE_AT.set(b, at);
                Booking.PAYMENT_DEADLINE.set(b, at.minusDays(2));
                Booking.QUOTE.set(b, s.getListPrice());
            } else if (card instanceof ConsultingProject p) {
                ConsultingProject.CLIENT_ORGANISATION.set(p, List.of("Northwind Foundation", "Atelier Lumen", "Cedar & Stone Ltd",
                        "Kinfolk Collective").get(pick % 4));
                ConsultingProject.CONTACT_NAME.set(p, List.of("Hana Ito", "Marcus Reed", "Sofia Lind", "Omar Haddad").get(pick % 4));
                ConsultingProject.CONTACT_EMAIL.set(p, List.of("hana", "marcus", "sofia", "omar").get(pick % 4) + "@example.org");
                ConsultingProject.SCOPE.set(p, "Brand and space strategy for the next season, with two on-site workshops.");
                ConsultingProject.FEE.set(p, BigDecimal.valueOf(4500 + (pick % 10) * 500L));
                ConsultingProject.MILESTONES.set(p, List.of(new Milestone("Discovery report", today.plusDays(14)),
                        new Milestone("Mid-project review", today.plusDays(40))));
            } else if (card instanceof Campaign c) {
                Campaign.OBJECTIVE.set(c, "Grow attendance among " + List.of("local collectors", "wellness newcomers",
                        "corporate clients").get(pick % 3) + ".");
                Campaign.STARTS_ON.set(c, today.plusDays(pick % 10));
                Campaign.ENDS_ON.set(c, today.plusDays(30 + pick % 30));
                Campaign.BUDGET.set(c, BigDecimal.valueOf(1200 + (pick % 8) * 250L));
                Campaign.SEGMENTS.set(c, List.of(r.get(AudienceSegment.class, refs.segments.get(pick % refs.segments.size()))));
                Campaign.CHANNELS.set(c, List.of(r.get(Channel.class, refs.channels.get(pick % refs.channels.size()))));
            } else if (card instanceof ContentPiece p) {
                ContentPiece.FORMAT.set(p, List.of("Article", "Reel", "Newsletter", "Carousel").get(pick % 4));
                ContentPiece.CHANNELS.set(p, List.of(r.get(Channel.class, refs.channels.get(pick % refs.channels.size()))));
                ContentPiece.PUBLISH_AT.set(p, today.plusDays(pick % 14).atTime(10, 0));
            } else if (card instanceof InterfaceRelease i) {
                InterfaceRelease.PORTAL_KIND.set(i, PortalKind.values()[pick % 4]);
                InterfaceRelease.CLIENT.set(i, List.of("Higher Self Gallery", "Wellness Center", "Atelier Lumen").get(pick % 3));
                InterfaceRelease.APP_ADDRESS.set(i, "https://" + List.of("portal", "artists", "book", "www").get(pick % 4)
                        + ".higherself.network");
                InterfaceRelease.VERSION.set(i, "1." + (pick % 9) + "." + (pick % 5));
            } else if (card instanceof AgentMessage m) {
                String title = unused(m.workflowId(), List.copyOf(messages.keySet()), pick);
                Message message = messages.get(title);
                AgentMessage.SENDING_AGENT.set(m, message.sender());
                AgentMessage.RECEIVING_AGENT.set(m, message.receiver());
                AgentMessage.PATTERN.set(m, message.pattern());
                AgentMessage.PAYLOAD_SUMMARY.set(m, message.payload());
                m.setTitle(title);
            } else if (card instanceof PermissionRequest p) {
                StaffMember requester = r.get(StaffMember.class, refs.staff.get(person).getId());
                PermissionRequest.STAFF_MEMBER.set(p, requester);
                PermissionRequest.REQUESTED_SCOPES.set(p, SCOPES.get(requestScope));
                p.setTitle(requestTitle(person, requestScope));
                PermissionRequest.JUSTIFICATION.set(p, "Covering for a colleague during the winter season.");
            } else {
                throw new IllegalStateException("no demo data for " + card.kindLabel());
            }
        };
    }

    /**
     * The demo's agent messages, by title: for each of the first bookings a lead hand-off and a preparation notice,
     * for each of the first campaigns a content request, each with a payload the registry's patterns accept (see
     * agents/patterns.json) about its own card, so that the agents' gate approves them as it would real ones.
     */
    private Map<String, Message> messages() {
        return database.sessionFactory().fromSession(s -> {
            List<Booking> bookings = s.createSelectionQuery("from Booking order by id", Booking.class).setMaxResults(6).getResultList();
            List<Campaign> campaigns = s.createSelectionQuery("from Campaign order by id", Campaign.class).setMaxResults(6).getResultList();
            Map<String, Message> out = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(bookings.size(), campaigns.size()); i++) {
                Booking b = bookings.get(i);
                Campaign c = campaigns.get(i);
                Client bookingClient = Booking.CLIENT.get(b);
                String client = bookingClient == null ? "a client" : bookingClient.getName();
                out.put("Lead hand-off: " + client + ", " + b.getTitle(), new Message("Nyra", "Solari", "lead_handoff",
                        payload(b, Map.of(Booking.CLIENT.key(), client))));
                out.put("Preparation ready: " + b.getTitle(), new Message("Ruvo", "Solari", "preparation_ready",
                        payload(b, Map.of(Booking.SERVICE_AT.key(), String.valueOf(Booking.SERVICE_AT.get(b)),
                                "tasks", "Book the room; Remind " + client))));
                out.put("Content request: " + c.getTitle(), new Message("Liora", "Content Lifecycle Agent", "content_request",
                        payload(c, Map.of(Campaign.OBJECTIVE.key(), String.valueOf(Campaign.OBJECTIVE.get(c)),
                                Campaign.SEGMENTS.key(), Campaign.SEGMENTS.display(c)))));
            }
            return out;
        });
    }

    /**
     * Who asks in the next permission request, and for what (kept for its fields): a person and a scope no demo
     * request has paired yet, so that no two requests are the same.
     */
    private String requester() {
        List<String> requests = new ArrayList<>();
        for (int scope = 0; scope < SCOPES.size(); scope++) {
            for (String person : REQUESTERS) {
                requests.add(requestTitle(person, scope));
            }
        }
        int request = requests.indexOf(unused(PermissionRequest.WORKFLOW, requests, random.nextInt(requests.size())));
        requestScope = request / REQUESTERS.size();
        return REQUESTERS.get(request % REQUESTERS.size());
    }

    private static String requestTitle(String person, int scope) {
        return NAMES.get(person).split(" ")[0] + " asks to " + SCOPE_TITLES.get(scope);
    }

    /**
     * The first of {@code candidates}, going round from {@code start}, that no other demo card of the board has:
     * each card is one thing. It is the board's from then on.
     */
    private String unused(String workflowId, List<String> candidates, int start) {
        java.util.Set<String> taken = titled.computeIfAbsent(workflowId, w -> new java.util.HashSet<>());
        for (int i = 0; i < candidates.size(); i++) {
            String title = candidates.get(Math.floorMod(start + i, candidates.size()));
            if (taken.add(title)) {
                return title;
            }
        }
        throw new IllegalStateException("The demo has more cards on " + workflowId + " than titles for them.");
    }

    /** A message's JSON payload about {@code card}: its {@code card_id}, then {@code values}. */
    private static String payload(Card card, Map<String, String> values) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("card_id", card.getId());
        new java.util.TreeMap<>(values).forEach(o::put);
        return o.toString();
    }

    /** What later events need and a person fills in along the way: payments, invoice numbers, accepted works. */
    private CardChange completion() {
        int invoice = 1000 + random.nextInt(9000);
        return (card, r) -> {
            if (card instanceof Exhibition e) {
                e.getArtworks().forEach(a -> a.setStatus(ArtworkStatus.ACCEPTED));
            } else if (card instanceof Booking b) {
                Booking.AMOUNT_PAID.set(b, Booking.QUOTE.get(b));
            } else if (card instanceof ConsultingProject p) {
                if (ConsultingProject.INVOICE_NUMBER.get(p) == null) {
                    ConsultingProject.INVOICE_NUMBER.set(p, "HSC-2026-" + invoice);
                }
                ConsultingProject.AMOUNT_PAID.set(p, ConsultingProject.FEE.get(p));
            }
        };
    }

    /** The things cards refer to, created once. */
    private static final class Reference {
        final Map<String, StaffMember> staff = new LinkedHashMap<>();
        final List<Long> artists = new ArrayList<>();
        final List<Long> clients = new ArrayList<>();
        final List<Long> services = new ArrayList<>();
        final List<Long> practitioners = new ArrayList<>();
        final List<Long> segments = new ArrayList<>();
        final List<Long> channels = new ArrayList<>();
    }

    private static Reference references(SessionFactory sf, Instant at, ZoneId zone) {
        Reference r = new Reference();
        // 600,000 PBKDF2 iterations each: in parallel, about 0.6 s for the seven on two cores (1.2 s one by one)
        Passwords passwords = new Passwords();
        Map<String, PasswordHash> hashes = new java.util.concurrent.ConcurrentHashMap<>();
        STAFF.keySet().parallelStream().forEach(u -> hashes.put(u, passwords.hash(DEMO_PASSWORD.toCharArray())));
        AuditTrail audit = new AuditTrail();
        sf.inTransaction(s -> {
            STAFF.forEach((u, role) -> {
                StaffMember m = new StaffMember(u, NAMES.get(u), role, u + "@higherself.network", at);
                m.setPassword(hashes.get(u));
                s.persist(m);
                // recorded like every account, so that a replay of the trail knows the demo accounts' roles
                audit.append(s, AccountEntry.created(at, Actor.system().auditName(), m, "demo account created: " + m.getDisplayName()));
                r.staff.put(u, m);
            });
            for (String[] a : new String[][]{{"Mira Solen", "mira@studio-solen.art"}, {"Kofi Mensah", "kofi@mensah.studio"},
                    {"Aiko Tanaka", "aiko@tanaka.art"}, {"Rafael Ortiz", "rafa@ortiz.gallery"}, {"Yara Haddad", null},
                    {"Lena Kowalski", "lena@kowalski.art"}}) {
                Artist artist = new Artist(a[0], a[1]);
                s.persist(artist);
                r.artists.add(artist.getId());
            }
            for (String[] c : new String[][]{{"Nora Blake", "nora.blake@example.com", "+44 20 7946 0011"},
                    {"Samuel Adeyemi", "samuel.a@example.com", "+44 20 7946 0342"}, {"Chloe Dubois", "chloe@example.fr", "+33 1 23 45 67 89"},
                    {"Ravi Patel", "ravi.patel@example.com", "+44 161 496 0201"}, {"Ingrid Holm", "ingrid@example.se", "+46 8 123 456"},
                    {"Daniel Cohen", "dan.cohen@example.com", "+44 20 7946 0877"}}) {
                Client client = new Client(c[0], c[1], c[2]);
                s.persist(client);
                r.clients.add(client.getId());
            }
            Object[][] services = {{"Deep tissue massage (60 min)", ServiceKind.TREATMENT, 85}, {"Sound bath", ServiceKind.CLASS, 25},
                    {"Weekend silent retreat", ServiceKind.RETREAT, 640}, {"Reiki session", ServiceKind.TREATMENT, 70},
                    {"Morning yoga (10 classes)", ServiceKind.CLASS, 150}};
            for (Object[] sv : services) {
                WellnessService ws = new WellnessService((String) sv[0], (ServiceKind) sv[1], BigDecimal.valueOf((Integer) sv[2]).setScale(2));
                s.persist(ws);
                r.services.add(ws.getId());
            }
            for (String p : List.of("Anouk Varga", "Tomas Reyes", "Selin Kaya")) {
                Practitioner pr = new Practitioner(p);
                s.persist(pr);
                r.practitioners.add(pr.getId());
            }
            for (String seg : List.of("Local collectors", "First-time visitors", "Wellness members", "Corporate clients", "Artists' network")) {
                AudienceSegment a = new AudienceSegment(seg);
                s.persist(a);
                r.segments.add(a.getId());
            }
            for (String ch : List.of("Newsletter", "Instagram", "Website", "LinkedIn", "In-gallery screens")) {
                Channel c = new Channel(ch);
                s.persist(c);
                r.channels.add(c.getId());
            }
        });
        return r;
    }
}
