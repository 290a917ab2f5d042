package com.titan.webhooks.domain.event;

/**
 * What every aggregate offers the projection besides its rules: a copy to tell what applying
 * events changed, and the stored version that guards against a concurrent save.
 *
 * @param <A> the aggregate itself
 */
public interface Aggregate<A extends Aggregate<A>> {

    /** An independent copy with the same state and version. */
    A copy();

    /** The version it was loaded at; 0 for one never stored. */
    long version();
}
