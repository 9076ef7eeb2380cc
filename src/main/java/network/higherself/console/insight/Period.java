package network.higherself.console.insight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A span of whole days in a time zone, both ends included: what the charts show.
 *
 * @param first the first day
 * @param last  the last day (not before the first)
 * @param zone  where the days begin and end
 */
public record Period(LocalDate first, LocalDate last, ZoneId zone) {

    /** The longest period a chart shows: ten years of days. */
    public static final int MAX_DAYS = 3660;

    public Period {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(zone, "zone");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("The period ends (" + last + ") before it begins (" + first + ").");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new IllegalArgumentException("A period of at most ten years can be shown; " + first + " to " + last + " is longer.");
        }
    }

    /** The {@code days} days that end with {@code last}. */
    public static Period lastDays(LocalDate last, int days, ZoneId zone) {
        return new Period(last.minusDays(days - 1L), last, zone);
    }

    /** The moment the period begins: the first day's midnight. */
    public Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The moment the period ends: the midnight after its last day. */
    public Instant end() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start()) && t.isBefore(end());
    }

    /** The day (in the period's zone) on which {@code t} falls. */
    public LocalDate dayOf(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /** The Mondays of the weeks the period touches (a week runs Monday to Sunday). */
    public List<LocalDate> weeks() {
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate m = weekOf(first); !m.isAfter(last); m = m.plusWeeks(1)) {
            weeks.add(m);
        }
        return weeks;
    }

    /** The Monday of the week {@code day} is in. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
