package com.titan.webhooks.domain.contact;

/**
 * One of a contact's up to five numbers with what scoring says of it. Status values are open
 * strings (high, medium, low, bad, ...): TitanX may add new ones.
 */
public record Phone(int slot, String number, String status, String type) {
}
