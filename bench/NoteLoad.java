import com.titan.webhooks.adapter.out.persistence.Database;
import com.titan.webhooks.adapter.out.persistence.DatabaseSettings;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The cost of one {@code note.added} as the 1st and as the 10,000th note of one connection, run
 * from the jar's classes: {@code java -cp titan-webhooks.jar bench/NoteLoad.java JDBC_URL [USER]
 * [NOTES]} (default 10,000 notes). Each note is applied as a projection batch applies an event to
 * its connection: in one transaction the connection is loaded, the event's rule applied, the
 * note checked against the stored one of its id, the connection saved and its change recorded
 * (state before and after). It prints the mean milliseconds per note over windows of 100 notes
 * ending at note 100, 1,000 and 10,000 (and every further power of ten reached), and their
 * ratio: about 1, or below when the first windows pay for the warm-up, when the cost is flat, as
 * it is now that the notes are rows of their own; when they were part of the connection's state,
 * the 10,000th note rewrote 10,000. The store is migrated first; the connection is new (a random id), and is
 * left there with its notes (run it on a scratch database).
 */
public class NoteLoad {

    private static final int WINDOW = 100;

    public static void main(String[] args) {
        String url = args[0];
        String user = args.length > 1 ? args[1] : null;
        int notes = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        try (Database database = Database.open(DatabaseSettings.of(url, user, null))) {
            database.migrate();
            String id = "bench-" + UUID.randomUUID();
            ConnectionId key = new ConnectionId(id);
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            // warm-up on another connection: the JIT and the pool, not the figures
            run(database, new ConnectionId("warm-" + UUID.randomUUID()), start, 500, false);
            long[] nanos = run(database, key, start, notes, true);
            StringBuilder result = new StringBuilder("RESULT notes=" + notes);
            double first = mean(nanos, WINDOW);
            for (int at = WINDOW; at <= notes; at *= 10) {
                result.append(String.format(" ms_per_note_at_%d=%.3f", at, mean(nanos, at)));
            }
            result.append(String.format(" ms_note_1=%.3f", nanos[0] / 1e6));
            result.append(String.format(" ratio_last_to_first=%.2f", mean(nanos, notes) / first));
            int stored = 0;
            Optional<String> cursor = Optional.empty();
            do {
                var page = database.connections().notes(key, new PageRequest(cursor, PageRequest.MAX_LIMIT));
                stored += page.items().size();
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            result.append(" notes_stored=").append(stored);
            System.out.println(result);
        }
    }

    private static long[] run(Database database, ConnectionId key, Instant start, int notes, boolean measured) {
        long[] nanos = new long[notes];
        for (int n = 0; n < notes; n++) {
            Instant at = start.plusMillis(n);
            ConnectionEvent.NoteAdded event = new ConnectionEvent.NoteAdded(key, new Stamp(at, "note-" + n), Map.of(),
                    new Note("note-" + n, "note number " + n + ": a call went well, follow up next week", at));
            long began = System.nanoTime();
            database.transactions().inTransaction(() -> {
                Optional<Connection> stored = database.connections().find(key);
                Connection connection = stored.map(Connection::copy).orElseGet(() -> Connection.unseen(key));
                connection.apply(event);
                if (stored.isPresent()) {
                    // as the projection does: is the note new to what the store keeps?
                    connection.settleAdditions(database.connections().storedNotes(key, Set.of(event.note().id())),
                            Set.of());
                }
                database.connections().save(connection);
                database.changes().record(List.of(new NewChange(
                        stored.map(before -> new ConnectionDetails(before, List.of(), Optional.empty())),
                        new ConnectionDetails(connection, List.of(), Optional.empty()),
                        new EventId(UUID.randomUUID().toString()))), Instant.now());
                return null;
            });
            nanos[n] = System.nanoTime() - began;
        }
        return nanos;
    }

    /** Mean milliseconds per note over the {@value #WINDOW} notes that end at note {@code at}. */
    private static double mean(long[] nanos, int at) {
        long total = 0;
        for (int n = at - WINDOW; n < at; n++) {
            total += nanos[n];
        }
        return total / (double) WINDOW / 1e6;
    }
}
