/**
 * The values both sides of the application's ports speak: what a query asks for (filters, a page
 * request) and what it answers (pages, snapshots, the change records), and the one failure every
 * caller must expect ({@link com.titan.webhooks.application.port.StoreUnavailableException}). A
 * driving adapter needs these and {@code port.in}, never {@code port.out}; a store needs these and
 * {@code port.out}, never {@code port.in}.
 */
package com.titan.webhooks.application.port;
