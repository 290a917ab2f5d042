package com.titan.webhooks.domain.reminder;

/** The fields of a reminder, named as in TitanCard's reminder events. {@code scheduled_for} is an ISO-8601 instant. */
public enum ReminderField {
    CONNECTION_ID, SCHEDULED_FOR, MESSAGE, STATUS, TYPE, CONTACT_NAME, CONTACT_EMAIL, CONTACT_COMPANY;

    // asked for on every field of every aggregate saved: computed once
    private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
