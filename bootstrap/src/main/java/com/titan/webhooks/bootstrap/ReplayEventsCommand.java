package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.decoding.JacksonEventDecoder;
import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.in.ReplayCommand;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.service.PendingWork;
import com.titan.webhooks.application.service.ProjectionService;
import com.titan.webhooks.application.service.ReplayService;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code replay}: re-apply one stored event, or every event in a status, against the configured
 * store, then apply what is due at once. Safe beside a running service: applying an event twice
 * changes nothing, and concurrent workers serialise on each aggregate.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-apply a stored event (--event) or every event in a status (--status) against the configured store.")
final class ReplayEventsCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Selection selection;

    static final class Selection {
        @Option(names = "--event", paramLabel = "EVENT_ID", description = "The stored event's id.")
        String eventId;

        @Option(names = "--status", paramLabel = "STATUS", description = "parked, ignored, failed, processed, received.")
        String status;
    }

    @Override
    public Integer call() {
        ReplayCommand command = selection.eventId != null
                ? ReplayCommand.event(new EventId(selection.eventId))
                : ReplayCommand.status(ProcessingStatus.fromWireName(selection.status)
                        .filter(status -> status != ProcessingStatus.MALFORMED)
                        .orElseThrow(() -> new ParameterException(spec.commandLine(),
                                "--status must be one of received, processed, ignored, failed, parked")));
        Settings settings = main.settings();
        PrintWriter out = spec.commandLine().getOut();
        try (Database database = Database.open(settings.database())) {
            database.migrate();
            if (selection.eventId != null) {
                Optional<StoredEvent> stored = database.storedEvents().find(new EventId(selection.eventId));
                if (stored.isEmpty() || stored.get().status() == ProcessingStatus.MALFORMED) {
                    spec.commandLine().getErr().println("titan-webhooks: event " + selection.eventId + (stored.isEmpty()
                            ? " not found in " + database.describe() : " is malformed and cannot be replayed"));
                    return 1;
                }
            }
            Clock clock = Clock.systemUTC();
            List<EventId> queued = new ReplayService(database.pendingEvents(), clock, new PendingWork())
                    .replay(command);
            out.println("queued " + queued.size() + " event(s)");
            ProjectionService projection = TitanWebhooks.projection(settings, database, new JacksonEventDecoder(),
                    clock, ProjectionListener.NONE);
            int processed = 0;
            int failed = 0;
            BatchReport report;
            do {
                report = projection.projectNextBatch(settings.projectionBatchSize());
                processed += report.processed() + report.ignored();
                failed += report.failed() + report.parked();
            } while (report.claimed() > 0);
            out.println("applied " + processed + " event(s), " + failed + " failed");
            out.flush();
            return queued.isEmpty() && selection.eventId != null ? 1 : failed > 0 ? 1 : 0;
        }
    }
}
