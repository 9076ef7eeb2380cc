package network.higherself.console.agent;

import network.higherself.console.card.Booking;
import network.higherself.console.move.MoveRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-console scheduler: runs at start (what was missed), after a hand-off, and stops. */
class AgentSchedulerTest {

    @TempDir
    Path dir;

    @Test
    void runsAtOnceOnStartAgainSoonAfterAMessageIsSentAndStopsOnStop() throws InterruptedException {
        try (AgentFixture fx = new AgentFixture(dir)) {
            long booking = fx.cardIn(Booking.WORKFLOW, "payment_pending", (c, r) -> {
                Booking.PAYMENT_DEADLINE.set(c, LocalDateTime.parse("2026-11-01T12:00")); // passed while the console was closed
                Booking.SERVICE_AT.set(c, LocalDateTime.parse("2026-12-01T10:00"));
            });
            fx.agents.gate().processPending(); // the walk's own hand-off
            BlockingQueue<AgentRun> runs = new LinkedBlockingQueue<>();
            BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
            AgentScheduler scheduler = fx.agents.scheduler(Duration.ofHours(1), runs::add, failures::add);
            assertThat(scheduler.isRunning()).isFalse();
            scheduler.start();
            scheduler.start(); // harmless
            AgentRun first = runs.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.of(AgentRun.Kind.FIRED)).extracting(AgentRun.Line::cardId).containsExactly(booking);
            assertThat(fx.stateOf(booking)).isEqualTo("canceled");

            long lead = fx.cardIn(Booking.WORKFLOW, "inquiry", null);
            fx.cards().move(MoveRequest.byEvent(lead, "consultation_scheduled", fx.desk));
            AgentRun afterMessage = runs.poll(30, TimeUnit.SECONDS);
            assertThat(afterMessage).as("woken by the hand-off, not after the hour").isNotNull();
            assertThat(afterMessage.of(AgentRun.Kind.MESSAGE_COMPLETED)).hasSize(1);

            scheduler.stop();
            assertThat(scheduler.isRunning()).isFalse();
            scheduler.stop(); // harmless
            assertThat(failures).isEmpty();
        }
    }
}
