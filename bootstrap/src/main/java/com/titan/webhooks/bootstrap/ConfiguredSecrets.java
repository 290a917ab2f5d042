package com.titan.webhooks.bootstrap;

import com.titan.webhooks.application.port.out.SigningSecrets;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.util.List;

/** The signing-secrets port, answered from the settings. */
final class ConfiguredSecrets implements SigningSecrets {

    private final Settings settings;

    ConfiguredSecrets(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<SigningSecret> activeFor(Source source) {
        return settings.secretsFor(source);
    }
}
