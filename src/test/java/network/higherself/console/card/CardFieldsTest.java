package network.higherself.console.card;

import jakarta.persistence.Entity;
import network.higherself.console.staff.Role;
import network.higherself.console.staff.StaffMember;
import network.higherself.console.workflow.Workflow;
import network.higherself.console.workflow.WorkflowCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CardFieldsTest {

    private static final WorkflowCatalog WORKFLOWS = WorkflowCatalog.bundled();
    private static final Artist ARTIST = new Artist("Mira Okafor", "mira@example.com");

    static Stream<String> workflowIds() {
        return WORKFLOWS.all().stream().map(Workflow::id);
    }

    @ParameterizedTest
    @MethodSource("workflowIds")
    void everyKindHasFieldsWhoseKeysAreThoseItDescribes(String workflowId) {
        Card card = CardKinds.newCard(workflowId, "A card");
        assertThat(card.fields()).as("kind-specific fields of " + workflowId).isNotEmpty();
        assertThat(card.fields()).as("one static list per kind").isSameAs(card.fields());
        assertThat(card.allFields()).extracting(CardField::key)
                .as("the form edits exactly what the audit trail describes, in the same order")
                .containsExactlyElementsOf(card.describe().keySet());
        assertThat(CardKinds.fields(workflowId)).extracting(CardField::key).containsExactlyElementsOf(card.describe().keySet());
    }

    @ParameterizedTest
    @MethodSource("workflowIds")
    void everyFieldReadsBackWhatWasWrittenAndClears(String workflowId) {
        Card card = CardKinds.newCard(workflowId, "A card");
        for (CardField f : card.allFields()) {
            Object value = sample(f);
            f.set(card, value);
            Object back = f.get(card);
            if (value instanceof Collection<?> c) {
                assertThat(List.copyOf((Collection<?>) back)).as(f.key()).isEqualTo(List.copyOf(c));
            } else {
                assertThat(back).as(f.key()).isEqualTo(value);
            }
            if (!f.required()) {
                f.set(card, null);
                Object cleared = f.get(card);
                if (cleared instanceof Collection<?> c) {
                    assertThat(c).as(f.key() + " cleared").isEmpty();
                } else {
                    assertThat(cleared).as(f.key() + " cleared").isNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("workflowIds")
    void valueTypesNameTheEnumOrEntity(String workflowId) {
        for (CardField f : CardKinds.fields(workflowId)) {
            switch (f.type()) {
                case CHOICE -> assertThat(f.valueType().isEnum()).as(f.key()).isTrue();
                case REFERENCE, REFERENCES -> assertThat(f.valueType().isAnnotationPresent(Entity.class)).as(f.key()).isTrue();
                case ARTWORKS -> assertThat(f.valueType()).isEqualTo(ArtworkEntry.class);
                case MILESTONES -> assertThat(f.valueType()).isEqualTo(Milestone.class);
                case MONEY -> assertThat(f.valueType()).isEqualTo(BigDecimal.class);
                case DATE -> assertThat(f.valueType()).isEqualTo(LocalDate.class);
                case DATE_TIME -> assertThat(f.valueType()).isEqualTo(LocalDateTime.class);
                default -> assertThat(f.valueType()).as(f.key()).isEqualTo(String.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("workflowIds")
    void aRequiredFieldLeftEmptyMakesTheCardInvalid(String workflowId) {
        for (CardField f : CardKinds.fields(workflowId)) {
            if (!f.required()) {
                continue;
            }
            Card card = CardKinds.newCard(workflowId, "A card");
            for (CardField other : card.allFields()) {
                other.set(card, sample(other));
            }
            assertThat(card.validate()).as("filled " + workflowId).isEmpty();
            f.set(card, null);
            assertThat(card.validate()).as("without " + f.key()).anyMatch(p -> p.startsWith(f.label() + " is required"));
        }
    }

    @Test
    void theKindsAskForTheirFieldsAndTheRightTypes() {
        assertThat(types(Booking.WORKFLOW)).containsEntry("client", FieldType.REFERENCE).containsEntry("quote", FieldType.MONEY)
                .containsEntry("service_at", FieldType.DATE_TIME).containsEntry("cancel_reason", FieldType.LONG_TEXT);
        assertThat(types(Exhibition.WORKFLOW)).containsEntry("artists", FieldType.REFERENCES)
                .containsEntry("artworks", FieldType.ARTWORKS).containsEntry("opening_date", FieldType.DATE);
        assertThat(types(ConsultingProject.WORKFLOW)).containsEntry("contact_email", FieldType.EMAIL)
                .containsEntry("milestones", FieldType.MILESTONES).containsEntry("fee", FieldType.MONEY);
        assertThat(types(Campaign.WORKFLOW)).containsEntry("segments", FieldType.REFERENCES).containsEntry("budget", FieldType.MONEY);
        assertThat(types(ContentPiece.WORKFLOW)).containsEntry("campaign", FieldType.REFERENCE)
                .containsEntry("publish_at", FieldType.DATE_TIME);
        assertThat(types(InterfaceRelease.WORKFLOW)).containsEntry("portal_kind", FieldType.CHOICE)
                .containsEntry("app_address", FieldType.URL);
        assertThat(types(AgentMessage.WORKFLOW)).containsEntry("payload_summary", FieldType.LONG_TEXT);
        assertThat(types(PermissionRequest.WORKFLOW)).containsEntry("staff_member", FieldType.REFERENCE)
                .containsEntry("requested_role", FieldType.CHOICE);
        Card booking = CardKinds.newCard(Booking.WORKFLOW, "x");
        assertThat(booking.field("client").orElseThrow().valueType()).isEqualTo(Client.class);
        assertThat(booking.field("title")).isPresent();
        assertThat(booking.field("nonsense")).isEmpty();
    }

    @Test
    void replacingArtworksKeepsOnlyTheNewList() {
        Exhibition e = (Exhibition) CardKinds.newCard(Exhibition.WORKFLOW, "Tidelines");
        e.replaceArtists(List.of(ARTIST));
        e.replaceArtworks(List.of(new ArtworkEntry(null, ARTIST, "Salt", ArtworkStatus.SUBMITTED),
                new ArtworkEntry(null, ARTIST, "Foam", ArtworkStatus.ACCEPTED)));
        assertThat(e.getArtworks()).extracting(Artwork::getTitle).containsExactly("Salt", "Foam");
        e.replaceArtworks(List.of(new ArtworkEntry(null, ARTIST, "Foam", ArtworkStatus.SOLD)));
        assertThat(e.getArtworkEntries()).containsExactly(new ArtworkEntry(null, ARTIST, "Foam", ArtworkStatus.SOLD));
        assertThat(e.validate()).isEmpty();
        e.replaceArtists(List.of());
        assertThat(e.validate()).anyMatch(p -> p.contains("not among this exhibition's artists"));
    }

    @Test
    void anArtworkWithoutTitleOrArtistIsExplained() {
        Exhibition e = (Exhibition) CardKinds.newCard(Exhibition.WORKFLOW, "Tidelines");
        e.replaceArtists(List.of(ARTIST));
        e.replaceArtworks(List.of(new ArtworkEntry(null, ARTIST, " ", ArtworkStatus.SUBMITTED),
                new ArtworkEntry(null, null, "Foam", ArtworkStatus.SUBMITTED)));
        assertThat(e.validate()).containsExactly(
                "Every artwork needs a title: fill in the title of each artwork or remove the empty row.",
                "Artwork 'Foam' needs an artist: choose one of the exhibition's artists.");
    }

    private static Map<String, FieldType> types(String workflowId) {
        Map<String, FieldType> m = new java.util.LinkedHashMap<>();
        CardKinds.fields(workflowId).forEach(f -> m.put(f.key(), f.type()));
        return m;
    }

    private static Object sample(CardField f) {
        return switch (f.type()) {
            case TEXT, LONG_TEXT -> f.key().equals("requested_scopes") ? "view WF-CONSULT" : "Some " + f.key();
            case EMAIL -> "someone@example.com";
            case PHONE -> "+44 20 7946 0958";
            case URL -> "https://example.softr.app";
            case MONEY -> new BigDecimal("120.00");
            case DATE -> LocalDate.of(2026, 12, 1);
            case DATE_TIME -> LocalDateTime.of(2026, 12, 1, 14, 30);
            case CHOICE -> {
                Object[] values = f.valueType().getEnumConstants();
                yield values[values.length - 1];
            }
            case REFERENCE -> entity(f.valueType());
            case REFERENCES -> List.of(entity(f.valueType()));
            case ARTWORKS -> List.of(new ArtworkEntry(null, ARTIST, "Salt Study", ArtworkStatus.ACCEPTED));
            case MILESTONES -> List.of(new Milestone("Discovery report", LocalDate.of(2026, 12, 15)));
        };
    }

    private static Object entity(Class<?> type) {
        if (type == Artist.class) {
            return ARTIST;
        }
        if (type == Client.class) {
            return new Client("Ada Lovelace", "ada@example.com", "+44 20 7946 0958");
        }
        if (type == WellnessService.class) {
            return new WellnessService("Sound bath", ServiceKind.CLASS, new BigDecimal("40.00"));
        }
        if (type == Practitioner.class) {
            return new Practitioner("Noor");
        }
        if (type == AudienceSegment.class) {
            return new AudienceSegment("Collectors");
        }
        if (type == Channel.class) {
            return new Channel("Newsletter");
        }
        if (type == Campaign.class) {
            return CardKinds.newCard(Campaign.WORKFLOW, "Spring open studios");
        }
        if (type == StaffMember.class) {
            return new StaffMember("jonas", "Jonas", Role.MANAGER, "jonas@example.com", Instant.EPOCH);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }
}
