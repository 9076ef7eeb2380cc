package network.higherself.console.csv;

import network.higherself.console.card.Booking;
import network.higherself.console.move.Outcome;
import network.higherself.console.move.TestStore;
import network.higherself.console.staff.Actor;
import network.higherself.console.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports: only a board one may see, the audit trail only for managers and administrators, over the days asked for. */
class ExportTest {

    @TempDir
    Path dir;

    @Test
    void aBoardIsExportedOnlyByWhoMaySeeItAndTheFileIsTheOwnersAlone() throws Exception {
        try (TestStore store = new TestStore(dir.resolve("data"))) {
            store.service.create(Booking.WORKFLOW, "=cmd|' /C calc'!A0", Actor.system(), (c, r) -> {
            });
            Transfers t = CsvRoundTripTest.transfers(store);
            Path out = dir.resolve("bookings.csv");
            assertThat(t.cards().export(Actor.staff("theo", Role.FRONT_DESK), Booking.WORKFLOW, out, Progress.NONE)).isEqualTo(1);
            List<CsvText.Row> rows = CsvText.read(out);
            assertThat(rows.get(0).cells()).startsWith("Id", "State", "Title", "Assignee", "Priority", "Client");
            assertThat(rows.get(1).cells().subList(1, 3)).containsExactly("Inquiry", "=cmd|' /C calc'!A0");
            // a spreadsheet reads it as text, never as a formula
            assertThat(Files.readString(out)).contains(",'=cmd|' /C calc'!A0,");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");

            Path refused = dir.resolve("gallery.csv");
            assertThatThrownBy(() -> t.cards().export(Actor.staff("theo", Role.FRONT_DESK), "WF-GALLERY-EXH", refused, Progress.NONE))
                    .isInstanceOf(TransferRefused.class)
                    .hasMessage("theo (front desk) may not see Gallery exhibits, so it cannot be exported. Ask for the right "
                            + "with a permission request.");
            assertThat(refused).doesNotExist();
        }
    }

    @Test
    void aCancelledExportLeavesNoFileAndTheOldOneAsItWas() throws Exception {
        try (TestStore store = new TestStore(dir.resolve("data"))) {
            for (int i = 0; i < 5; i++) {
                store.service.create(Booking.WORKFLOW, "Booking " + i, Actor.system(), (c, r) -> {
                });
            }
            Path out = dir.resolve("bookings.csv");
            Files.writeString(out, "what was there before");
            Progress stopAtThree = new Progress() {
                long done;

                @Override
                public void at(String what, long d, long total) {
                    done = d;
                }

                @Override
                public boolean cancelled() {
                    return done >= 3;
                }
            };
            assertThatThrownBy(() -> CsvRoundTripTest.transfers(store).cards().export(Actor.system(), Booking.WORKFLOW, out,
                    stopAtThree)).isInstanceOf(CsvText.Cancelled.class);
            assertThat(Files.readString(out)).isEqualTo("what was there before");
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "bookings.csv");
            }
        }
    }

    @Test
    void theAuditTrailIsExportedByManagersOverTheDaysAskedFor() throws Exception {
        Instant[] now = {Instant.parse("2026-11-02T09:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        try (TestStore store = new TestStore(dir.resolve("data"), clock)) {
            long id = ((Outcome.Done) store.service.create(Booking.WORKFLOW, "Sound bath", Actor.system(), (c, r) -> {
            })).cardId();
            now[0] = Instant.parse("2026-11-03T10:00:00Z");
            store.service.edit(id, null, Actor.system(), (c, r) -> Booking.QUOTE.set(c, new java.math.BigDecimal("120")));
            now[0] = Instant.parse("2026-11-05T10:00:00Z");
            store.service.edit(id, null, Actor.system(), (c, r) -> Booking.ROOM.set(c, "Garden room"));
            Transfers t = CsvRoundTripTest.transfers(store);
            Path out = dir.resolve("audit.csv");

            int n = t.audit().export(Actor.staff("jonas", Role.MANAGER), LocalDate.parse("2026-11-03"),
                    LocalDate.parse("2026-11-04"), out, Progress.NONE);
            assertThat(n).isEqualTo(1);
            List<CsvText.Row> rows = CsvText.read(out);
            assertThat(rows.get(0).cells()).isEqualTo(AuditExport.HEADER);
            assertThat(rows.get(1).cells().subList(0, 6))
                    .containsExactly("2", "2026-11-03 10:00:00", "console", "Edited", "Wellness bookings", String.valueOf(id));
            assertThat(rows.get(1).cells().get(10)).isEqualTo("Quote: '' \u2192 '120.00'");

            assertThat(t.audit().export(Actor.staff("amara", Role.ADMINISTRATOR), null, null, out, Progress.NONE)).isEqualTo(3);
            assertThatThrownBy(() -> t.audit().export(Actor.staff("amara", Role.ADMINISTRATOR), LocalDate.parse("2026-11-05"),
                    LocalDate.parse("2026-11-01"), out, Progress.NONE)).isInstanceOf(TransferRefused.class)
                    .hasMessageContaining("give the earlier day first");
            assertThatThrownBy(() -> t.audit().export(Actor.staff("theo", Role.FRONT_DESK), null, null, out, Progress.NONE))
                    .isInstanceOf(TransferRefused.class)
                    .hasMessage("theo (front desk) may not export the audit trail: it holds every board's changes and every "
                            + "sign-in, so only managers and administrators may. Ask one of them.");
        }
    }
}
