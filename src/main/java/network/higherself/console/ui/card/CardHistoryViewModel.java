package network.higherself.console.ui.card;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import network.higherself.console.audit.AuditAction;
import network.higherself.console.audit.EditDiff;
import network.higherself.console.card.CardField;
import network.higherself.console.cardform.CardForms;
import network.higherself.console.cardform.HistoryRow;
import network.higherself.console.ui.common.BackgroundExecutor;
import network.higherself.console.workflow.Labels;
import network.higherself.console.workflow.Workflow;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The card dialog's history: the card's audit entries as a timeline, newest first, in words a person reads (states
 * and fields by their labels). Read again in the background after a task of the card's checklist was ticked; a
 * failure to read it is this part's {@link #messageProperty()}.
 */
public final class CardHistoryViewModel {

    /** One entry of the history timeline, ready to show. */
    public record TimelineEntry(AuditAction action, String what, String when, String who, List<String> details, String note) {
    }

    private final CardForms forms;
    private final BackgroundExecutor executor;
    private final ZoneId zone;
    private final ObservableList<TimelineEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private Workflow workflow;
    private final Map<String, String> labels = new LinkedHashMap<>();

    public CardHistoryViewModel(CardForms forms, BackgroundExecutor executor, ZoneId zone) {
        this.forms = Objects.requireNonNull(forms);
        this.executor = Objects.requireNonNull(executor);
        this.zone = Objects.requireNonNull(zone);
    }

    /** Shows the history of a card of {@code workflow} whose form has {@code fields}, oldest entry first in {@code rows}. */
    public void show(Workflow workflow, List<CardField<?>> fields, List<HistoryRow> rows) {
        this.workflow = Objects.requireNonNull(workflow);
        labels.clear();
        fields.forEach(f -> labels.put(f.key(), f.label()));
        show(rows);
    }

    /** Reads card {@code cardId}'s history again in the background (after something changed it). */
    public void reload(long cardId) {
        executor.run(() -> forms.history(cardId), rows -> {
            message.set(null);
            show(rows);
        }, e -> message.set("The history could not be read again: " + CardDetailsViewModel.describe(e)
                + " Close the card and open it again to see it."));
    }

    private void show(List<HistoryRow> rows) {
        List<TimelineEntry> out = new ArrayList<>();
        for (HistoryRow r : rows) {
            out.add(entry(r));
        }
        Collections.reverse(out);
        entries.setAll(out);
    }

    private TimelineEntry entry(HistoryRow r) {
        String when = CardDetailsViewModel.WHEN.format(r.at().atZone(zone));
        List<String> details = new ArrayList<>();
        String what;
        switch (r.action()) {
            case CREATED -> what = "Created in " + stateName(r.toState());
            case MOVED -> {
                what = stateName(r.fromState()) + " \u2192 " + stateName(r.toState());
                if (r.event() != null) {
                    details.add(Labels.humanize(r.event()));
                }
                details.addAll(edits(r.details()));
            }
            case CORRECTED -> {
                what = "Move taken back: " + stateName(r.fromState()) + " \u2192 " + stateName(r.toState());
                details.addAll(edits(r.details()));
            }
            case EDITED -> {
                List<String> changed = new ArrayList<>();
                for (EditDiff.Line line : EditDiff.parse(r.details()).lines()) {
                    if (line.isField()) {
                        changed.add(label(line.key()));
                    }
                }
                what = "Edited: " + String.join(", ", changed).toLowerCase(Locale.ROOT);
                details.addAll(edits(r.details()));
            }
            case REORDERED -> what = "Reordered in " + stateName(r.toState() == null ? r.fromState() : r.toState());
            case TASKS_CREATED -> {
                if (r.details() != null && !r.details().isBlank()) {
                    details.addAll(List.of(r.details().split("\n")));
                }
                what = "Checklist made: " + details.size() + (details.size() == 1 ? " task" : " tasks");
                return new TimelineEntry(r.action(), what, when, r.actor(), details, null);
            }
            case TASK_DONE, TASK_REOPENED -> {
                what = (r.action() == AuditAction.TASK_DONE ? "Ticked: " : "Unticked: ") + (r.note() == null ? "a task" : r.note());
                return new TimelineEntry(r.action(), what, when, r.actor(), details, null);
            }
            default -> what = Labels.humanize(r.action().name().toLowerCase(Locale.ROOT));
        }
        return new TimelineEntry(r.action(), what, when, r.actor(), details, r.note());
    }

    /** "quote: '' → '120.00'" in the trail becomes "Quote: – → 120.00". */
    private List<String> edits(String details) {
        List<String> out = new ArrayList<>();
        for (EditDiff.Line line : EditDiff.parse(details).lines()) {
            if (line.isField()) {
                out.add(label(line.key()) + ": " + shown(line.before()) + " \u2192 " + shown(line.after()));
            } else {
                out.add(line.after());
            }
        }
        return out;
    }

    private String label(String key) {
        return labels.getOrDefault(key, Labels.humanize(key));
    }

    private static String shown(String v) {
        return v.isEmpty() ? "\u2013" : v;
    }

    private String stateName(String stateId) {
        return CardDetailsViewModel.stateName(workflow, stateId);
    }

    /** The card's history, newest first. */
    public ObservableList<TimelineEntry> entries() {
        return entries;
    }

    /** Why the history could not be read again; null when it was. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
