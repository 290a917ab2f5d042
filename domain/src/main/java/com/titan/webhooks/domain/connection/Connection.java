package com.titan.webhooks.domain.connection;

import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.AggregateSize;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.StampedFields;
import com.titan.webhooks.domain.event.TombstoneClock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Aggregate: a person met through TitanCard.
 *
 * <p>Invariants, which make the state independent of the order and number of deliveries:
 * <ul>
 *   <li>each field, and the tag list as a whole, holds the value of the latest event that set it
 *       (see {@link Stamp} for the order and its tie-breaker);</li>
 *   <li>notes and enrichments only accumulate, each identified once (a note by its id, an
 *       enrichment by its event); of two versions of one note the later is kept ({@link Note#kept});</li>
 *   <li>it is deleted while its latest deletion is later than its latest creation
 *       ({@link TombstoneClock}); events for an unseen connection create it from what they carry.</li>
 * </ul>
 * Reminders point at a connection by id and are not part of it.
 *
 * <p>Bounded: the notes and enrichments are not part of the connection's state, which would grow
 * with each of them and be read and rewritten whole by every later event. An instance holds only
 * those its events added since it was loaded ({@link #addedNotes()}, {@link #addedEnrichments()}),
 * which its store appends to what it already keeps, each once, and the time of the latest of all
 * ({@link #lastChangedAt()}). So applying the 10,000th note costs what applying the first did.
 * The rest of the state is at most {@link AggregateSize#MAX_CHARACTERS} characters; an event that
 * would go beyond is refused ({@link com.titan.webhooks.domain.LimitReachedException}).
 */
public final class Connection implements Aggregate<Connection> {

    private final ConnectionId id;
    private final StampedFields<ConnectionField> fields;
    private Stamped<List<String>> tags;
    /** Notes added since the connection was loaded, by id. */
    private final Map<String, Note> notes;
    /** Enrichments added since the connection was loaded, by the key of their event. */
    private final Map<String, Enrichment> enrichments;
    /** When the latest note was added or enrichment completed, of all the connection ever had; null for none. */
    private Instant annotatedAt;
    private TombstoneClock lifecycle;
    private final long version;

    private Connection(ConnectionId id, StampedFields<ConnectionField> fields, Stamped<List<String>> tags,
                       Map<String, Note> notes, Map<String, Enrichment> enrichments, Instant annotatedAt,
                       TombstoneClock lifecycle, long version) {
        this.id = Require.nonNull(id, "id");
        this.fields = fields;
        this.tags = tags;
        this.notes = new HashMap<>(notes);
        this.enrichments = new HashMap<>(enrichments);
        this.annotatedAt = annotatedAt;
        this.lifecycle = Require.nonNull(lifecycle, "lifecycle");
        this.version = version;
    }

    /** First creation: a connection nothing is known of yet, about to receive its first event. */
    public static Connection unseen(ConnectionId id) {
        return new Connection(id, StampedFields.empty(), null, Map.of(), Map.of(), null, TombstoneClock.NEVER_SEEN, 0);
    }

    /**
     * Reconstitution from storage; {@code version} is the stored version, for optimistic locking.
     * {@code annotatedAt} is when the latest of its notes and enrichments was added (null for none);
     * the notes and enrichments themselves stay where they are stored.
     */
    public static Connection reconstitute(ConnectionId id, Map<ConnectionField, Stamped<String>> fields,
                                          Stamped<List<String>> tags, Instant annotatedAt, TombstoneClock lifecycle,
                                          long version) {
        return reconstitute(id, fields, tags, List.of(), List.of(), annotatedAt, lifecycle, version);
    }

    /** Reconstitution of a state described with the notes and enrichments it had just added, as a change is. */
    public static Connection reconstitute(ConnectionId id, Map<ConnectionField, Stamped<String>> fields,
                                          Stamped<List<String>> tags, List<Note> added,
                                          List<Enrichment> addedEnrichments, Instant annotatedAt,
                                          TombstoneClock lifecycle, long version) {
        Map<String, Note> notesById = new HashMap<>();
        added.forEach(n -> notesById.put(n.id(), n));
        Map<String, Enrichment> enrichmentsByKey = new HashMap<>();
        addedEnrichments.forEach(e -> enrichmentsByKey.put(e.eventKey(), e));
        return new Connection(id, StampedFields.of(fields), tags, notesById, enrichmentsByKey, annotatedAt, lifecycle,
                version);
    }

    /**
     * An independent copy with the same state and version, taken before applying events so that
     * what they changed can be told (a change record needs the state before and after).
     */
    @Override
    public Connection copy() {
        return new Connection(id, StampedFields.of(fields.asMap()), tags, notes, enrichments, annotatedAt, lifecycle,
                version);
    }

    /**
     * Applies one event; applying the same event again changes nothing. An event this refuses
     * (it throws) may have been partly applied: discard the instance and load the connection again.
     */
    public void apply(ConnectionEvent event) {
        if (!event.connectionId().equals(id)) {
            throw new IllegalArgumentException("event for connection " + event.connectionId().value()
                    + " applied to " + id.value());
        }
        long before = characters();
        Stamp stamp = event.stamp();
        fields.merge(event.fields(), stamp);
        // each event's own rule, beyond the fields every one of them carries
        event.applyTo(this);
        AggregateSize.check("connection", id.value(), before, characters());
    }

    /** How much text the connection holds, for its bound. */
    public long characters() {
        long total = fields.characters();
        total += tags == null ? 0 : AggregateSize.of(tags.value());
        for (Note note : notes.values()) {
            total += AggregateSize.of(note.id()) + AggregateSize.of(note.content());
        }
        for (Enrichment enrichment : enrichments.values()) {
            total += AggregateSize.of(enrichment.eventKey()) + AggregateSize.of(enrichment.enrichedFields())
                    + AggregateSize.of(enrichment.status()) + AggregateSize.of(enrichment.provider());
        }
        return total;
    }

    /** {@code connection.created}: the lifecycle's creation at {@code stamp}. */
    void created(Stamp stamp) {
        lifecycle = lifecycle.created(stamp);
    }

    /** {@code connection.deleted}: a tombstone at {@code stamp}. */
    void deleted(Stamp stamp) {
        lifecycle = lifecycle.deleted(stamp);
    }

    void addNote(Note note) {
        notes.put(note.id(), Note.kept(notes.get(note.id()), note));
        annotated(note.addedAt());
    }

    void addEnrichment(Enrichment enrichment) {
        enrichments.putIfAbsent(enrichment.eventKey(), enrichment);
        annotated(enrichment.completedAt());
    }

    /**
     * Forgets the additions that change nothing its store keeps: a note whose stored version
     * {@link Note#kept} keeps over it, an enrichment stored already. Then applying a note again is
     * no change, as applying any event again is, although the connection does not hold its notes.
     *
     * @param storedNotes the stored versions of (some of) the notes it added
     * @param storedEnrichments the event keys of the enrichments it added that are stored already
     */
    public void settleAdditions(Collection<Note> storedNotes, Set<String> storedEnrichments) {
        for (Note stored : storedNotes) {
            Note added = notes.get(stored.id());
            if (added != null && Note.kept(stored, added).equals(stored)) {
                notes.remove(stored.id());
            }
        }
        enrichments.keySet().removeAll(storedEnrichments);
    }

    private void annotated(Instant at) {
        annotatedAt = annotatedAt == null || at.isAfter(annotatedAt) ? at : annotatedAt;
    }

    void mergeTags(List<String> newTags, Stamp stamp) {
        if (tags == null || stamp.isAfter(tags.stamp())) {
            tags = new Stamped<>(List.copyOf(newTags), stamp);
        }
    }

    public ConnectionId id() {
        return id;
    }

    @Override
    public long version() {
        return version;
    }

    public Optional<String> field(ConnectionField field) {
        return fields.get(field);
    }

    public Map<ConnectionField, Stamped<String>> fields() {
        return fields.asMap();
    }

    public List<String> tags() {
        return tags == null ? List.of() : tags.value();
    }

    public Optional<Stamped<List<String>>> stampedTags() {
        return Optional.ofNullable(tags);
    }

    /**
     * The notes added since the connection was loaded (all of them for one built from its events
     * alone), in the order they were added, then by id; its store keeps the others.
     */
    public List<Note> addedNotes() {
        return notes.values().stream()
                .sorted(Comparator.comparing(Note::addedAt).thenComparing(Note::id))
                .toList();
    }

    /** The enrichments added since the connection was loaded, by completion time, then event key. */
    public List<Enrichment> addedEnrichments() {
        return enrichments.values().stream()
                .sorted(Comparator.comparing(Enrichment::completedAt).thenComparing(Enrichment::eventKey))
                .toList();
    }

    /** When the latest note was added or enrichment completed, of all the connection ever had. */
    public Optional<Instant> annotatedAt() {
        return Optional.ofNullable(annotatedAt);
    }

    public TombstoneClock lifecycle() {
        return lifecycle;
    }

    public boolean isDeleted() {
        return lifecycle.isDeleted();
    }

    public Optional<Instant> deletedAt() {
        return lifecycle.deletedAt();
    }

    /** The time of the latest event that changed anything, for "updated since" queries. */
    public Instant lastChangedAt() {
        Stamp latest = Stamp.latest(fields.latestStamp(), lifecycle.latestStamp());
        latest = Stamp.latest(latest, tags == null ? null : tags.stamp());
        Instant at = latest == null ? Instant.EPOCH : latest.at();
        return annotatedAt != null && annotatedAt.isAfter(at) ? annotatedAt : at;
    }

    /** Equal when the state is equal, whatever the stored version. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Connection that
                && id.equals(that.id) && fields.equals(that.fields) && Objects.equals(tags, that.tags)
                && notes.equals(that.notes) && enrichments.equals(that.enrichments)
                && Objects.equals(annotatedAt, that.annotatedAt) && lifecycle.equals(that.lifecycle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, fields, tags, notes, enrichments, annotatedAt, lifecycle);
    }

    @Override
    public String toString() {
        return "Connection[" + id.value() + ", fields=" + fields + ", tags=" + tags + ", notes=" + notes.keySet()
                + ", enrichments=" + enrichments.keySet() + ", lifecycle=" + lifecycle + "]";
    }
}
