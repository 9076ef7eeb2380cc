package network.higherself.console.move;

import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.AuditRecord;
import network.higherself.console.audit.EditDiff;
import network.higherself.console.card.Card;
import network.higherself.console.card.CardField;
import network.higherself.console.card.CardKind;
import network.higherself.console.card.CardKinds;
import network.higherself.console.card.ConsultingProject;
import network.higherself.console.card.FieldType;
import network.higherself.console.card.Milestone;
import network.higherself.console.staff.Actor;
import network.higherself.console.workflow.Labels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, point 5: every value the pipeline accepts is stored whole — the card, its audit entry and its outbox
 * event — and a value over a limit is refused with a sentence that names the limit; text cut for a sentence or a
 * column is cut between characters, never inside an emoji.
 */
class ValueLimitsTest {

    @TempDir
    static Path dir;

    static TestStore store;
    static DbRows rows;

    @BeforeAll
    static void open() {
        store = new TestStore(dir);
        rows = new DbRows(store.db.dataSource());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** {@code n} characters of text that JSON doubles ("\"" and "\\") with an emoji in it: the worst a value can be. */
    static String worst(int n) {
        StringBuilder b = new StringBuilder("\uD83D\uDE00");
        while (b.length() < n) {
            b.append(b.length() % 2 == 0 ? '"' : '\\');
        }
        return b.substring(0, n);
    }

    @Test
    void longFieldsAndManyMilestonesAreKeptWholeInTheCardTheTrailAndTheOutbox() {
        String scope = worst(ConsultingProject.SCOPE.maxLength());
        List<Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            milestones.add(new Milestone(i + " " + "\"".repeat(110), LocalDate.of(2027, 1, 1).plusDays(i)));
        }
        Outcome made = store.service.create(ConsultingProject.WORKFLOW, worst(Card.TITLE_MAX), Actor.system(), FieldValues.NONE
                .with(ConsultingProject.SCOPE, scope)
                .with(ConsultingProject.CLIENT_ORGANISATION, worst(ConsultingProject.CLIENT_ORGANISATION.maxLength()))
                .with(ConsultingProject.CONTACT_NAME, worst(ConsultingProject.CONTACT_NAME.maxLength()))
                .with(ConsultingProject.MILESTONES, milestones));
        assertThat(made.isDone()).as(made.message()).isTrue();
        long id = ((Outcome.Done) made).cardId();

        String payload = (String) rows.outbox(id).get(0).get("PAYLOAD");
        assertThat(payload.length()).as("more than the old 8,000-character column").isGreaterThan(8_000);
        Change back = ChangeJson.read("CREATE", ConsultingProject.WORKFLOW, id, 0, payload);
        assertThat(((Change.Create) back).title()).isEqualTo(worst(Card.TITLE_MAX));
        String details = (String) rows.audit(id).get(0).get("DETAILS");
        assertThat(EditDiff.parse(details).lines()).filteredOn(l -> "scope".equals(l.key())).singleElement()
                .satisfies(l -> assertThat(l.after()).isEqualTo(scope));
        assertThat(details).contains("59 " + "\"".repeat(110)).doesNotEndWith("\u2026");
        assertThat(rows.card(id)).containsEntry("SCOPE", scope);

        String note = worst(CardService.NOTE_MAX);
        Outcome moved = store.service.move(MoveRequest.byEvent(id, "lead_qualified", Actor.system()).withNote(note));
        assertThat(moved.isDone()).as(moved.message()).isTrue();
        assertThat(rows.audit(id).get(1).get("NOTE")).isEqualTo(note);
        assertThat((String) rows.outbox(id).get(1).get("PAYLOAD")).contains(note.substring(2).replace("\\", "\\\\")
                .replace("\"", "\\\""));

        Outcome tooLong = store.service.move(MoveRequest.byEvent(id, "discovery_complete", Actor.system())
                .withNote(note + "x"));
        assertThat(tooLong).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "The note is 1001 characters long; "
                + "at most 1000 fit. Shorten it, or put the rest in a field of the card."));
    }

    @Test
    void aChangeTooLargeToKeepWholeIsRefusedWithTheLimitAndNothingIsWritten() {
        List<Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) {
            milestones.add(new Milestone(i + " " + "\"".repeat(110), LocalDate.of(2027, 1, 1)));
        }
        long cards = rows.count("SELECT COUNT(*) FROM card");
        long audit = rows.count("SELECT COUNT(*) FROM audit_entry");
        Outcome o = store.service.create(ConsultingProject.WORKFLOW, "Huge", Actor.system(),
                FieldValues.NONE.with(ConsultingProject.MILESTONES, milestones));
        assertThat(o).isInstanceOfSatisfying(Outcome.Refused.class, r -> {
            assertThat(r.reason()).isEqualTo(Outcome.Refusal.INVALID);
            assertThat(r.message()).startsWith("This change is too large to keep whole in the card's history: written out it has ")
                    .contains("characters, and at most 1,000,000 fit. Make it in smaller steps");
        });
        assertThat(rows.count("SELECT COUNT(*) FROM card")).isEqualTo(cards);
        assertThat(rows.count("SELECT COUNT(*) FROM audit_entry")).isEqualTo(audit);
    }

    @Test
    void everyTextFieldOverItsColumnIsRefusedWithItsLimit() {
        long before = rows.count("SELECT COUNT(*) FROM card");
        for (CardKind kind : CardKinds.all()) {
            for (CardField<?> f : CardKinds.fields(kind.workflowId())) {
                if ((f.type() == FieldType.TEXT || f.type() == FieldType.LONG_TEXT) && f.maxLength() > 0) {
                    Outcome o = store.service.create(kind.workflowId(), "Too long", Actor.system(),
                            FieldValues.NONE.withValue(f, "x".repeat(f.maxLength() + 1)));
                    assertThat(o).as("%s.%s", kind.workflowId(), f.key()).isInstanceOfSatisfying(Outcome.Refused.class,
                            r -> assertThat(r.message()).contains(f.label() + " is " + (f.maxLength() + 1)
                                    + " characters long; at most " + f.maxLength() + " fit."));
                }
            }
        }
        assertThat(rows.count("SELECT COUNT(*) FROM card")).isEqualTo(before);
    }

    @Test
    void textIsCutBetweenCharactersNeverInsideAnEmoji() {
        String emojiAtTheEdge = "a".repeat(998) + "\uD83D\uDE00" + "b"; // the emoji takes the 999th and 1000th places
        AuditRecord r = new AuditRecord(TestStore.T0, "console", AuditAction.EDITED, null, null, null, null, null,
                emojiAtTheEdge, null);
        assertThat(r.note()).isEqualTo("a".repeat(998) + "\u2026");
        assertWellFormed(r.note());
        for (int max = 1; max < 8; max++) {
            String cut = Labels.cut("x\uD83D\uDE00y\uD83D\uDE00z\uD83D\uDE00", max);
            assertThat(cut.length()).isLessThanOrEqualTo(max);
            assertWellFormed(cut);
        }
        assertThat(Labels.cut("whole", 5)).isEqualTo("whole");
    }

    private static void assertWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).as("emoji whole in %s", s).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).as("no half emoji in %s", s).isFalse();
            }
        }
    }

    /** Issue 10, point 7: a line break or a tab in a title could forge a line of `list`; the pipeline refuses it. */
    @Test
    void aOneLineValueRefusesControlCharactersAndALongTextKeepsItsLines() {
        long cards = rows.count("SELECT COUNT(*) FROM card");
        Outcome forged = store.service.create(ConsultingProject.WORKFLOW, "Ok\n42\tcompleted\tForged", Actor.system(),
                FieldValues.NONE);
        assertThat(forged).isEqualTo(new Outcome.Refused(Outcome.Refusal.INVALID, "Title holds a line break at character "
                + "3: write it on one line, without tabs or other control characters."));
        Outcome bell = store.service.create(ConsultingProject.WORKFLOW, "Quiet", Actor.system(),
                FieldValues.NONE.with(ConsultingProject.CONTACT_NAME, "Ana\u0007"));
        assertThat(bell.message()).contains("Contact name holds an invisible control character (U+0007) at character 4");
        assertThat(rows.count("SELECT COUNT(*) FROM card")).as("nothing written").isEqualTo(cards);

        Outcome made = store.service.create(ConsultingProject.WORKFLOW, "Lines", Actor.system(),
                FieldValues.NONE.with(ConsultingProject.SCOPE, "First:\n\t- a\r\n\t- b"));
        assertThat(made.isDone()).as(made.message()).isTrue();
        long id = ((Outcome.Done) made).cardId();
        assertThat(rows.card(id)).containsEntry("SCOPE", "First:\n\t- a\r\n\t- b");
        Outcome edit = store.service.edit(id, ((Outcome.Done) made).version(), Actor.system(),
                FieldValues.NONE.with(ConsultingProject.SCOPE, "No\u0000null"));
        assertThat(edit.message()).isEqualTo("Scope holds an invisible control character (U+0000) at character 3: "
                + "remove it (only line breaks and tabs may be in it).");
        Outcome note = store.service.move(MoveRequest.byEvent(id, "lead_qualified", Actor.system()).withNote("a\u001bb"));
        assertThat(note.message()).startsWith("The note holds an invisible control character (U+001B)");
        assertThat(rows.state(id)).as("not moved").isEqualTo("lead_qualification");
    }
}
