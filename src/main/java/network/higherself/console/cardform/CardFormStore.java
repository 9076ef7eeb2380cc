package network.higherself.console.cardform;

import network.higherself.console.audit.AuditEntry;
import network.higherself.console.card.Artist;
import network.higherself.console.card.ArtworkEntry;
import network.higherself.console.card.AudienceSegment;
import network.higherself.console.card.Campaign;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Channel;
import network.higherself.console.card.Client;
import network.higherself.console.card.Milestone;
import network.higherself.console.card.Practitioner;
import network.higherself.console.card.WellnessService;
import network.higherself.console.move.CardService;
import network.higherself.console.move.Outcome;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.WorkflowCatalog;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The card form's way to the database, for the background executor only (nothing here touches JavaFX): reads a
 * card, the choices of its reference fields and its history into a {@link CardForm} of plain values, and writes
 * the form back through the enforcement point ({@link CardService}), setting only the fields given. The console's
 * {@link CardForms}.
 */
public final class CardFormStore implements CardForms {

    /** How the things cards refer to are listed and named in a form. */
    private record Source(String query, Function<Object, Choice> choice) {
    }

    private static final Map<Class<?>, Source> SOURCES = Map.of(
            Client.class, new Source("from Client order by name", o -> {
                Client c = (Client) o;
                return new Choice(c.getId(), c.getEmail() == null ? c.getName() : c.getName() + "  \u00b7  " + c.getEmail(),
                        c.getName());
            }),
            Artist.class, new Source("from Artist order by name", o -> new Choice(((Artist) o).getId(), ((Artist) o).getName())),
            WellnessService.class, new Source("from WellnessService order by name", o -> {
                WellnessService w = (WellnessService) o;
                return new Choice(w.getId(), w.getName() + " (" + w.getKind().name().toLowerCase() + ")");
            }),
            Practitioner.class, new Source("from Practitioner order by name",
                    o -> new Choice(((Practitioner) o).getId(), ((Practitioner) o).getName())),
            AudienceSegment.class, new Source("from AudienceSegment order by name",
                    o -> new Choice(((AudienceSegment) o).getId(), ((AudienceSegment) o).getName())),
            Channel.class, new Source("from Channel order by name", o -> new Choice(((Channel) o).getId(), ((Channel) o).getName())),
            Campaign.class, new Source("from Campaign order by title", o -> new Choice(((Campaign) o).getId(), ((Campaign) o).getTitle())),
            StaffMember.class, new Source("from StaffMember order by displayName", o -> {
                StaffMember m = (StaffMember) o;
                return new Choice(m.getId(), m.getDisplayName() + " (" + m.getUsername() + ", " + m.getRole().label() + ")",
                        m.getUsername());
            }));

    private final SessionFactory sessionFactory;
    private final CardService cards;
    private final WorkflowCatalog workflows;

    public CardFormStore(SessionFactory sessionFactory, CardService cards, WorkflowCatalog workflows) {
        this.sessionFactory = Objects.requireNonNull(sessionFactory);
        this.cards = Objects.requireNonNull(cards);
        this.workflows = Objects.requireNonNull(workflows);
    }

    /** The card's form: its fields' values, their choices and its history, read in one read-only transaction. */
    @Override
    public CardForm load(long cardId) {
        return readOnly(s -> {
            Card card = s.find(Card.class, cardId);
            if (card == null) {
                throw new IllegalStateException("There is no card #" + cardId
                        + " any more: someone may have removed it. Close this window and look at the board again.");
            }
            List<CardField<?>> fields = card.allFields();
            Map<String, Object> values = new LinkedHashMap<>();
            for (CardField<?> f : fields) {
                values.put(f.key(), toForm(f, f.get(card)));
            }
            return new CardForm(card.getId(), card.workflowId(), card.kindLabel(), card.getState(), card.getStateSince(),
                    card.getVersion(), fields, values, choices(s, fields), history(s, cardId));
        });
    }

    /** The form of a new card of the workflow's kind: its defaults and the choices of its reference fields. */
    @Override
    public CardForm blank(String workflowId) {
        Card card = CardKinds.newCard(workflowId, "");
        List<CardField<?>> fields = card.allFields();
        Map<String, Object> values = new LinkedHashMap<>();
        for (CardField<?> f : fields) {
            values.put(f.key(), toForm(f, f.get(card)));
        }
        values.put(Card.TITLE.key(), null);
        String initial = workflows.get(workflowId).initialState().id();
        return readOnly(s -> new CardForm(null, workflowId, card.kindLabel(), initial, null, 0, fields, values,
                choices(s, fields), List.of()));
    }

    /** Only the card's history (for refreshing the timeline), oldest first. */
    @Override
    public List<HistoryRow> history(long cardId) {
        return readOnly(s -> history(s, cardId));
    }

    /** Saves the changed fields of a card the person saw at {@code versionSeen}. */
    @Override
    public Outcome save(long cardId, long versionSeen, Actor actor, Map<CardField<?>, Object> changed) {
        return cards.edit(cardId, versionSeen, actor, FormValues.change(changed));
    }

    @Override
    public java.util.Optional<String> whyNotCorrect(long cardId, Actor actor) {
        return cards.whyNotCorrect(cardId, actor);
    }

    @Override
    public Outcome correct(long cardId, long versionSeen, Actor actor, String reason) {
        return cards.correct(cardId, versionSeen, actor, reason);
    }

    /** Creates a card with the form's values; the title is the {@code title} field's. */
    @Override
    public Outcome create(String workflowId, Actor actor, Map<CardField<?>, Object> values) {
        Object title = values.get(Card.TITLE);
        return cards.create(workflowId, title == null ? "" : (String) title, actor, FormValues.change(values));
    }

    /** A field's domain value as the form holds it. Runs inside the session that loaded the card. */
    public static Object toForm(CardField<?> f, Object value) {
        if (value == null) {
            return f.isCollection() ? List.of() : null;
        }
        return switch (f.type()) {
            case MONEY -> ((BigDecimal) value).setScale(2, RoundingMode.HALF_UP);
            case REFERENCE -> choice(f.valueType(), value);
            case REFERENCES -> ((Collection<?>) value).stream().map(o -> choice(f.valueType(), o)).toList();
            case ARTWORKS -> ((Collection<?>) value).stream().map(o -> {
                ArtworkEntry a = (ArtworkEntry) o;
                return new ArtworkRow(a.id(), a.artist() == null ? null : choice(Artist.class, a.artist()), a.title(), a.status());
            }).toList();
            case MILESTONES -> List.copyOf(FormValues.elements(value, Milestone.class));
            default -> value;
        };
    }

    private static Choice choice(Class<?> type, Object entity) {
        Source source = SOURCES.get(type);
        if (source == null) {
            throw new IllegalStateException("The card form does not know how to list " + type.getSimpleName());
        }
        return source.choice().apply(entity);
    }

    private static Map<Class<?>, List<Choice>> choices(Session s, List<CardField<?>> fields) {
        Map<Class<?>, List<Choice>> out = new LinkedHashMap<>();
        for (CardField<?> f : fields) {
            Class<?> type = switch (f.type()) {
                case REFERENCE, REFERENCES -> f.valueType();
                case ARTWORKS -> Artist.class;
                default -> f.equals(network.higherself.console.card.Card.ASSIGNEE) ? StaffMember.class : null; // picked, not typed
            };
            if (type != null && !out.containsKey(type)) {
                Source source = SOURCES.get(type);
                if (source == null) {
                    throw new IllegalStateException("The card form does not know how to list " + type.getSimpleName());
                }
                out.put(type, list(s, type, source));
            }
        }
        return out;
    }

    private static <T> List<Choice> list(Session s, Class<T> type, Source source) {
        return s.createSelectionQuery(source.query(), type).getResultList().stream()
                .map(source.choice()).toList();
    }

    private static List<HistoryRow> history(Session s, long cardId) {
        return s.createSelectionQuery("from AuditEntry where cardId = :id order by seq", AuditEntry.class)
                .setParameter("id", cardId)
                .getResultList().stream()
                .map(e -> new HistoryRow(e.getSeq(), e.getAt(), e.getActor(), e.getAction(), e.getFromState(), e.getToState(),
                        e.getEvent(), e.getNote(), e.getDetails()))
                .toList();
    }

    private <T> T readOnly(Function<Session, T> work) {
        try (Session s = sessionFactory.openSession()) {
            s.setDefaultReadOnly(true);
            Transaction tx = s.beginTransaction();
            try {
                return work.apply(s);
            } finally {
                tx.rollback();
            }
        }
    }
}
