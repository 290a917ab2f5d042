package com.titan.webhooks.application.port.out;

import java.util.Optional;

/** Which scored contacts to list; every criterion is optional. */
public record ContactFilter(Optional<String> leadStatus, Optional<String> email) {
}
