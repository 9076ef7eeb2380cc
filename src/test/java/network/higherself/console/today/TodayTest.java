package network.higherself.console.today;

import network.higherself.console.agent.TestClock;
import network.higherself.console.app.Services;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import network.higherself.console.store.DataFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Today view's lines on the demo data at a fixed clock (TestStore.T0, Monday 2 November 2026, 09:00 UTC), for
 * people of different roles: exactly these cards, under these headings, and never a card of a board one may not view.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TodayTest {

    static final Actor ADMIN = Actor.staff("amara", Role.ADMINISTRATOR);
    static final Actor FRONT_DESK = Actor.staff("theo", Role.FRONT_DESK);
    static final Actor MANAGER = Actor.staff("jonas", Role.MANAGER);
    static final Actor GALLERY = Actor.staff("lucia", Role.GALLERY_STAFF);

    static final String SERVICES = "Bookings with a service today or tomorrow";
    static final String PAYMENTS = "Payments about to time out";
    static final String CHECKLISTS = "Bookings whose preparation checklist is open";
    static final String EXHIBITIONS = "Exhibitions opening or closing within a week";
    static final String REVIEWS = "Permission requests waiting for review";
    static final String AGENTS = "Agents: held back, messages denied";
    static final String OVER_LIMIT = "Cards over their column's limit";

    @TempDir
    static Path dir;
    static TestClock clock;
    static Services services;
    static Today today;

    @BeforeAll
    static void demo() {
        clock = new TestClock(TestStore.T0, ZoneOffset.UTC);
        services = Services.open(new DataFolder(dir), clock);
        services.demoData().seed();
        services.agents().runner().run(); // as at start: Ruvo makes the preparation checklists
        today = Today.standard(services.workflows(), services.queries(), services.agents().runner()::holds);
    }

    @AfterAll
    static void close() {
        services.close();
    }

    /** Each heading shown to {@code who} now, with the titles of its lines and why, in order. */
    static Map<String, List<String>> shownTo(Actor who) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (TodayGroup g : today.read(services.cards().rightsOf(who), clock.instant(), clock.getZone())) {
            shown.put(g.heading(), g.lines().stream().map(l -> l.card().title() + " \u2014 " + l.why()).toList());
        }
        return shown;
    }

    @Test
    @Order(1)
    void theFrontDeskSeesTheBookingsThatNeedThemToday() {
        assertThat(shownTo(FRONT_DESK)).containsExactly(
                Map.entry(SERVICES, List.of(
                        "Sound bath for Chloe \u2014 service today 08:00",
                        "Sound bath for Ingrid \u2014 service tomorrow 13:00",
                        "Deep tissue massage for Daniel \u2014 service tomorrow 16:30")),
                Map.entry(PAYMENTS, List.of("Weekend silent retreat for Ravi \u2014 payment times out in 27 h")),
                Map.entry(CHECKLISTS, List.of(
                        "Deep tissue massage for Daniel \u2014 0 of 4 done, service 3 Nov 16:30",
                        "Sound bath for Ingrid \u2014 0 of 4 done, service 3 Nov 13:00")));
    }

    @Test
    @Order(2)
    void aManagerAlsoSeesTheGalleryAndTheRequestsToReview() {
        Map<String, List<String>> shown = shownTo(MANAGER);
        assertThat(shown.keySet()).containsExactly(SERVICES, PAYMENTS, CHECKLISTS, EXHIBITIONS, REVIEWS);
        assertThat(shown.get(EXHIBITIONS)).containsExactly("Tidelines \u2014 opens Tue 3 Nov",
                "Winter Orchard \u2014 opens Thu 5 Nov", "Paper Cities \u2014 closes Sat 7 Nov");
        assertThat(shown.get(REVIEWS)).containsExactly("Priya asks to view consulting projects \u2014 waiting 4 d");
        assertThat(shown.get(SERVICES)).isEqualTo(shownTo(FRONT_DESK).get(SERVICES));
    }

    @Test
    @Order(3)
    void theGalleryStaffNeverSeesABookingNorARequest() {
        assertThat(shownTo(GALLERY)).containsExactly(Map.entry(EXHIBITIONS, List.of("Tidelines \u2014 opens Tue 3 Nov",
                "Winter Orchard \u2014 opens Thu 5 Nov", "Paper Cities \u2014 closes Sat 7 Nov")));
    }

    /**
     * A day later: Ravi's payment deadline passes while the Canceled column is full (a hard limit), so Solari's timeout
     * is refused and held; and the gallery's Concept column holds more than its soft limit. Both show, to those who may
     * view their boards; what was tomorrow is today.
     */
    @Test
    @Order(4)
    void aDayLaterTheAgentsHoldAndAColumnOverItsLimitShow() {
        long canceled = services.queries().countsByState("WF-WELL-BOOK").getOrDefault("canceled", 0L);
        assertThat(services.limits().set("WF-WELL-BOOK", "canceled", (int) canceled, true, ADMIN).isDone()).isTrue();
        assertThat(services.limits().set("WF-GALLERY-EXH", "concept", 1, false, ADMIN).isDone()).isTrue();
        clock.advance(Duration.ofHours(28));
        services.agents().runner().run();

        Map<String, List<String>> admin = shownTo(ADMIN);
        assertThat(admin.keySet()).containsExactly(SERVICES, PAYMENTS, CHECKLISTS, EXHIBITIONS, REVIEWS, AGENTS, OVER_LIMIT);
        assertThat(admin.get(SERVICES)).containsExactly(
                "Sound bath for Ingrid \u2014 service today 13:00",
                "Deep tissue massage for Daniel \u2014 service today 16:30");
        assertThat(admin.get(PAYMENTS)).containsExactly("Weekend silent retreat for Ravi \u2014 payment deadline passed");
        assertThat(admin.get(AGENTS)).hasSize(1).first().asString()
                .startsWith("Weekend silent retreat for Ravi \u2014 Solari could not apply \u201cPayment timeout\u201d: ");
        assertThat(admin.get(OVER_LIMIT)).hasSize(1).first().asString()
                .endsWith(" \u2014 Concept holds 2 cards, its limit is 1");

        Map<String, List<String>> frontDesk = shownTo(FRONT_DESK);
        assertThat(frontDesk.keySet()).containsExactly(SERVICES, PAYMENTS, CHECKLISTS, AGENTS);
        assertThat(shownTo(GALLERY).keySet()).containsExactly(EXHIBITIONS, OVER_LIMIT);
    }
}
