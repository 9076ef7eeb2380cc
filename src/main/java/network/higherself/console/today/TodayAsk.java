package network.higherself.console.today;

import network.higherself.console.staff.Rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Who asks what needs someone today, and when: their rights (a board they may not view is never read) and the
 * console's clock, read once for the whole view.
 */
public record TodayAsk(Rights rights, Instant now, ZoneId zone) {

    public boolean mayView(String workflowId) {
        return rights.on(workflowId).view();
    }

    /** Today's date where the console is. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}
