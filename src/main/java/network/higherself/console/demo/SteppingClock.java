package network.higherself.console.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the demo sets by hand, so that the history it writes through the service is backdated. */
public final class SteppingClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    public SteppingClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SteppingClock(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
