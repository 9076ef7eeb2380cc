package network.higherself.console.app;

import network.higherself.console.agent.AgentRun;
import network.higherself.console.workflow.Identifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** {@code run-agents [--at TIME]}: the agents fire what is due, as the console does while it is open. */
@Command(name = "run-agents", mixinStandardHelpOptions = true,
        description = "Runs the agents once: fires every timed event due at TIME (payment timeouts, preparation, "
                + "exhibition dates, publication, permission audits), oldest first, and walks waiting agent messages "
                + "through the gate. Prints one line per event fired or refused and per message.")
final class RunAgentsCommand extends DataCommand {

    @Option(names = "--at", paramLabel = "TIME",
            description = "Fire what is due at this time: an ISO date-time, e.g. 2026-12-01T09:00 (the console's zone) "
                    + "or 2026-12-01T08:00:00Z. Default: now.")
    String at;

    @Override
    int run(Services services, PrintWriter out, PrintWriter err) {
        Instant when;
        try {
            when = at == null ? services.clock().instant() : parse(at, services);
        } catch (DateTimeParseException e) {
            err.println(Identifier.shown(at) + " is not a date-time: write it like 2026-12-01T09:00 or 2026-12-01T08:00:00Z.");
            return 2;
        }
        AgentRun run = services.agents().runner().run(when);
        for (AgentRun.Line line : run.lines()) {
            out.println(line.text());
        }
        if (run.isEmpty()) {
            out.println("Nothing was due at " + when + ".");
        }
        return 0;
    }

    private static Instant parse(String text, Services services) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atZone(services.clock().getZone()).toInstant();
        }
    }
}
