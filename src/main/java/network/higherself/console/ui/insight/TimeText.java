package network.higherself.console.ui.insight;

import java.time.Duration;
import java.util.Locale;

/** Times as the charts and lists say them: hours under two days, days from there on. */
final class TimeText {

    private static final double HOURS_PER_DAY = 24.0;

    private TimeText() {
    }

    /** "under 1 h", "5 h", "2.5 days", "12 days". */
    static String of(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return "under 1 h";
        }
        double hours = minutes / 60.0;
        if (hours < 2 * HOURS_PER_DAY) {
            return Math.round(hours) + " h";
        }
        double days = Math.round(hours / HOURS_PER_DAY * 10) / 10.0;
        return days < 10 ? String.format(Locale.ROOT, "%.1f days", days) : Math.round(hours / HOURS_PER_DAY) + " days";
    }

    /** The unit a chart of these times is drawn in: hours when the longest is under two days. */
    enum Unit {
        HOURS("hours", 1), DAYS("days", HOURS_PER_DAY);

        private final String label;
        private final double hours;

        Unit(String label, double hours) {
            this.label = label;
            this.hours = hours;
        }

        static Unit fitting(Duration longest) {
            return longest.toMinutes() < 2 * HOURS_PER_DAY * 60 ? HOURS : DAYS;
        }

        String label() {
            return label;
        }

        double of(Duration d) {
            return d.toMinutes() / 60.0 / hours;
        }
    }
}
