package network.higherself.console.move;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import network.higherself.console.card.ArtworkStatus;
import network.higherself.console.card.ArtworkValue;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.Milestone;
import network.higherself.console.workflow.Labels;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A {@link Change} as the sync outbox's JSON payload carries it, and back: everything another desktop needs to
 * replay it through the same pipeline, the field values typed by their fields' declarations (amounts as exact
 * decimal text, dates and times ISO-8601, choices by name, references by id), never display text.
 *
 * <pre>{@code
 * CREATE  {"fields":{"title":"Sound bath","priority":"NORMAL","<an amount>":"60.00","<a reference>":12}}
 * MOVE    {"event":"consultation_completed","to":"quote_provided","note":null,"fields":{"<an amount>":"75.00"}}
 * EDIT    {"fields":{"<a date and time>":"2026-12-01T14:30","<references>":[3,7],"<text>":null}}
 * REORDER {"previous":41,"next":null}
 * }</pre>
 * The card's id, workflow and the version the change was made on are the outbox event's own columns.
 */
public final class ChangeJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ChangeJson() {
    }

    /** The payload of {@code change}, whose fields must be {@link FieldValues} (what the pipeline records). */
    public static String write(Change change) {
        ObjectNode o = NODES.objectNode();
        if (change instanceof Change.Move m) {
            o.put("event", m.event());
            o.put("to", m.targetState());
            o.put("note", m.note());
        }
        if (change instanceof Change.Reorder r) {
            putId(o, "previous", r.previousId());
            putId(o, "next", r.nextId());
        } else {
            o.set("fields", fields((FieldValues) change.fields()));
        }
        return o.toString();
    }

    /**
     * The change an outbox event records: of {@code kind}, about card {@code cardId} of {@code workflowId}, made on
     * {@code baseVersion} (the version it expects).
     *
     * @throws IllegalArgumentException when the payload is not such a change's (naming what is wrong)
     */
    public static Change read(String kind, String workflowId, long cardId, long baseVersion, String payload) {
        JsonNode o;
        try {
            o = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the payload is not JSON: " + e.getOriginalMessage(), e);
        }
        CardKind cardKind = CardKinds.of(workflowId);
        return switch (kind) {
            case "CREATE" -> {
                FieldValues values = values(cardKind, o.path("fields"));
                Object title = values.get(Card.TITLE);
                yield new Change.Create(workflowId, title == null ? "" : title.toString(), values);
            }
            case "MOVE" -> new Change.Move(cardId, text(o, "event"), text(o, "to"), baseVersion,
                    values(cardKind, o.path("fields")), text(o, "note"));
            case "EDIT" -> new Change.Edit(cardId, baseVersion, values(cardKind, o.path("fields")));
            case "REORDER" -> new Change.Reorder(cardId, id(o, "previous"), id(o, "next"), baseVersion);
            default -> throw new IllegalArgumentException("'" + kind + "' is not a kind of change of a card");
        };
    }

    /** The values as the payload's "fields" object carries them (references by local id). */
    public static ObjectNode fields(FieldValues values) {
        ObjectNode fields = NODES.objectNode();
        for (Map.Entry<CardField<?>, Object> e : values.asMap().entrySet()) {
            fields.set(e.getKey().key(), node(e.getKey(), e.getValue()));
        }
        return fields;
    }

    private static JsonNode node(CardField<?> field, Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        return switch (field.type()) {
            case MONEY -> NODES.textNode(((BigDecimal) value).toPlainString());
            case REFERENCE -> NODES.numberNode((Long) value);
            case REFERENCES -> {
                ArrayNode ids = NODES.arrayNode();
                ((Collection<?>) value).forEach(id -> ids.add((Long) id));
                yield ids;
            }
            case ARTWORKS -> {
                ArrayNode rows = NODES.arrayNode();
                for (Object o : (Collection<?>) value) {
                    ArtworkValue a = (ArtworkValue) o;
                    ObjectNode row = rows.addObject();
                    putId(row, "id", a.id());
                    putId(row, "artist", a.artistId());
                    row.put("title", a.title());
                    row.put("status", a.status() == null ? null : a.status().name());
                }
                yield rows;
            }
            case MILESTONES -> {
                ArrayNode rows = NODES.arrayNode();
                for (Object o : (Collection<?>) value) {
                    Milestone m = (Milestone) o;
                    rows.addObject().put("name", m.name()).put("due", m.dueOn() == null ? null : m.dueOn().toString());
                }
                yield rows;
            }
            case CHOICE -> NODES.textNode(((Enum<?>) value).name());
            default -> NODES.textNode(value.toString()); // text; dates and times in ISO-8601
        };
    }

    /**
     * A "fields" object read back as typed values of {@code kind}'s fields.
     *
     * @throws IllegalArgumentException naming a field {@code kind} does not have
     */
    public static FieldValues values(CardKind kind, JsonNode fields) {
        FieldValues values = FieldValues.NONE;
        for (var it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            CardField<?> field = kind.field(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    Labels.withArticle(kind.label()) + " has no field '" + e.getKey() + "'"));
            values = values.withValue(field, value(field, e.getValue()));
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(CardField<?> field, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return switch (field.type()) {
            case MONEY -> new BigDecimal(n.asText());
            case DATE -> LocalDate.parse(n.asText());
            case DATE_TIME -> LocalDateTime.parse(n.asText());
            case CHOICE -> Enum.valueOf((Class) field.valueType(), n.asText());
            case REFERENCE -> n.asLong();
            case REFERENCES -> {
                List<Long> ids = new ArrayList<>();
                n.forEach(id -> ids.add(id.asLong()));
                yield ids;
            }
            case ARTWORKS -> {
                List<ArtworkValue> rows = new ArrayList<>();
                n.forEach(a -> rows.add(new ArtworkValue(id(a, "id"), id(a, "artist"), text(a, "title"),
                        a.path("status").isTextual() ? ArtworkStatus.valueOf(a.path("status").asText()) : null)));
                yield rows;
            }
            case MILESTONES -> {
                List<Milestone> rows = new ArrayList<>();
                n.forEach(m -> rows.add(new Milestone(text(m, "name"),
                        m.path("due").isTextual() ? LocalDate.parse(m.path("due").asText()) : null)));
                yield rows;
            }
            default -> n.asText();
        };
    }

    private static void putId(ObjectNode o, String key, Long id) {
        if (id == null) {
            o.putNull(key);
        } else {
            o.put(key, id);
        }
    }

    private static Long id(JsonNode o, String key) {
        JsonNode n = o.path(key);
        return n.isIntegralNumber() ? n.asLong() : null;
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.path(key);
        return n.isTextual() ? n.asText() : null;
    }

}
