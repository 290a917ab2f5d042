package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.delivery.StoredEvent;
import java.util.Optional;

/** Inbound port: read a stored event as the domain does; empty for one without a handler or not decodable. */
public interface DecodeEventUseCase {

    Optional<DecodedEvent> decode(StoredEvent event);
}
