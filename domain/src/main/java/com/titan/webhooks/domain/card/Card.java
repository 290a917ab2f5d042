package com.titan.webhooks.domain.card;

import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.AggregateSize;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.StampedFields;
import com.titan.webhooks.domain.event.TombstoneClock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Aggregate: one of the user's TitanCard business cards.
 *
 * <p>Invariants: fields are last-writer-wins by stamp; {@code total_views} and {@code total_shares}
 * are the providers' running totals and only grow (the maximum seen is kept, so a late event
 * never lowers them); the activity log keeps the {@value #ACTIVITY_KEPT} most recent views and
 * shares, each once; deletion is a {@link TombstoneClock}.
 */
public final class Card implements Aggregate<Card> {

    /** A card viewed a million times must not grow without bound; the totals keep the count. */
    public static final int ACTIVITY_KEPT = 100;
    private static final Comparator<CardActivity> NEWEST_FIRST =
            Comparator.comparing(CardActivity::at).thenComparing(CardActivity::eventKey).reversed();

    private final CardId id;
    private final StampedFields<CardField> fields;
    private long totalViews;
    private long totalShares;
    private final Map<String, CardActivity> activity;
    private TombstoneClock lifecycle;
    private final long version;

    private Card(CardId id, StampedFields<CardField> fields, long totalViews, long totalShares,
                 Map<String, CardActivity> activity, TombstoneClock lifecycle, long version) {
        this.id = Require.nonNull(id, "id");
        this.fields = fields;
        this.totalViews = totalViews;
        this.totalShares = totalShares;
        this.activity = new HashMap<>(activity);
        this.lifecycle = lifecycle;
        this.version = version;
    }

    /** First creation: a card nothing is known of yet. */
    public static Card unseen(CardId id) {
        return new Card(id, StampedFields.empty(), 0, 0, Map.of(), TombstoneClock.NEVER_SEEN, 0);
    }

    /** Reconstitution from storage. */
    public static Card reconstitute(CardId id, Map<CardField, Stamped<String>> fields, long totalViews,
                                    long totalShares, List<CardActivity> activity, TombstoneClock lifecycle,
                                    long version) {
        Map<String, CardActivity> byKey = new HashMap<>();
        activity.forEach(a -> byKey.put(a.eventKey(), a));
        return new Card(id, StampedFields.of(fields), totalViews, totalShares, byKey, lifecycle, version);
    }

    /** An independent copy with the same state and version, to tell what applying events changed. */
    @Override
    public Card copy() {
        return new Card(id, StampedFields.of(fields.asMap()), totalViews, totalShares, activity, lifecycle, version);
    }

    /** Applies one event; applying the same event again changes nothing. */
    public void apply(CardEvent event) {
        if (!event.cardId().equals(id)) {
            throw new IllegalArgumentException("event for card " + event.cardId().value() + " applied to " + id.value());
        }
        long before = characters();
        fields.merge(event.fields(), event.stamp());
        // each event's own rule, beyond the fields every one of them carries
        event.applyTo(this);
        AggregateSize.check("card", id.value(), before, characters());
    }

    /** How much text the card holds, for its bound ({@link AggregateSize}). */
    public long characters() {
        long total = fields.characters();
        for (CardActivity entry : activity.values()) {
            total += AggregateSize.of(entry.source()) + AggregateSize.of(entry.country()) + AggregateSize.of(entry.city())
                    + AggregateSize.of(entry.eventKey());
        }
        return total;
    }

    /** {@code card.created}: the lifecycle's creation at {@code stamp}. */
    void created(Stamp stamp) {
        lifecycle = lifecycle.created(stamp);
    }

    /** {@code card.deleted}: a tombstone at {@code stamp}. */
    void deleted(Stamp stamp) {
        lifecycle = lifecycle.deleted(stamp);
    }

    /** A view or a share, with the provider's running totals, which only grow. */
    void recordActivity(CardActivity entry, OptionalLong views, OptionalLong shares) {
        views.ifPresent(total -> totalViews = Math.max(totalViews, total));
        shares.ifPresent(total -> totalShares = Math.max(totalShares, total));
        record(entry);
    }

    private void record(CardActivity entry) {
        activity.putIfAbsent(entry.eventKey(), entry);
        if (activity.size() > ACTIVITY_KEPT) {
            // keeping the N newest of everything seen is the same whatever the arrival order
            activity.values().stream().sorted(NEWEST_FIRST).skip(ACTIVITY_KEPT).toList()
                    .forEach(old -> activity.remove(old.eventKey()));
        }
    }

    public CardId id() {
        return id;
    }

    @Override
    public long version() {
        return version;
    }

    public Optional<String> field(CardField field) {
        return fields.get(field);
    }

    public Map<CardField, Stamped<String>> fields() {
        return fields.asMap();
    }

    public long totalViews() {
        return totalViews;
    }

    public long totalShares() {
        return totalShares;
    }

    /** Views and shares, newest first. */
    public List<CardActivity> recentActivity() {
        return activity.values().stream().sorted(NEWEST_FIRST).toList();
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

    /** Equal when the state is equal, whatever the stored version. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Card that && id.equals(that.id) && fields.equals(that.fields)
                && totalViews == that.totalViews && totalShares == that.totalShares
                && activity.equals(that.activity) && lifecycle.equals(that.lifecycle);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, fields, totalViews, totalShares, activity, lifecycle);
    }

    @Override
    public String toString() {
        return "Card[" + id.value() + ", fields=" + fields + ", views=" + totalViews + ", shares=" + totalShares
                + ", activity=" + activity.keySet() + ", lifecycle=" + lifecycle + "]";
    }
}
