package com.titan.webhooks.adapter.out.amqp;

import com.titan.webhooks.application.port.Change;

/**
 * How a change reads on the exchange: given by the composition root, so that a message's body is
 * the very JSON object of an entry of {@code GET /api/changes}, defined once, and its id the
 * entry's cursor.
 */
public interface ChangeMessages {

    /** The body: one entry of {@code GET /api/changes}, as UTF-8 JSON. */
    byte[] body(Change change);

    /** The message id: the change's cursor, the same as the body's {@code cursor}. */
    String messageId(Change change);
}
