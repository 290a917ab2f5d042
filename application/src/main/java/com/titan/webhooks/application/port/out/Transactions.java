package com.titan.webhooks.application.port.out;

import java.util.function.Supplier;

/**
 * Outbound port: one unit of work across the repositories. Everything the work does through the
 * ports commits together, or, if it throws, not at all.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
