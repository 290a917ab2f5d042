package com.titan.webhooks.application.port.out;

import java.util.function.Supplier;

/**
 * Outbound port: one unit of work across the repositories. Everything the work does through the
 * ports commits together, or, if it throws, not at all. A unit of work belongs to the thread that
 * runs it: work it hands to another thread is not part of it, and a unit of work started inside
 * another joins it. {@link Inbox#append} is the exception: it commits on its own, and refuses to
 * run inside a unit of work.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
