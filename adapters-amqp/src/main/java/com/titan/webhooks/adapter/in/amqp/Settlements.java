package com.titan.webhooks.adapter.in.amqp;

/**
 * Told what became of each relayed delivery, for the metrics: acknowledged, returned to the queue
 * for a later try, or dead-lettered, with the outcome (or refusal reason) that decided it.
 */
public interface Settlements {

    enum Disposition {
        ACKNOWLEDGED, RETURNED, DEAD_LETTERED;

        public String metricName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    void settled(Disposition disposition, String outcome);
}
