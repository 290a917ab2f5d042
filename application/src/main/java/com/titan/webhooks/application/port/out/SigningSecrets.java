package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.util.List;

/** Outbound port: the secrets currently active for a provider (several during a rotation). */
public interface SigningSecrets {

    /** Empty when the provider is not configured. */
    List<SigningSecret> activeFor(Source source);
}
