package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void nothingSet_givesTheNewcomerDefaults() {
        Settings settings = Settings.from(Map.of());
        assertEquals(8080, settings.httpPort());
        assertEquals("jdbc:sqlite:./data/titan-webhooks.db", settings.database().url());
        assertEquals(1024 * 1024, settings.maxBodyBytes());
        assertEquals(List.of(), settings.secretsFor(Source.TITANX));
        assertEquals(Optional.empty(), settings.apiToken());
    }

    @Test
    void secrets_areCommaSeparatedForRotation() {
        Settings settings = Settings.from(Map.of("TITANCARD_WEBHOOK_SECRETS", " whsec_old , whsec_new,,"));
        assertEquals(List.of(new SigningSecret("whsec_old"), new SigningSecret("whsec_new")),
                settings.secretsFor(Source.TITANCARD));
    }

    @Test
    void invalidValues_areRejectedWithTheVariableNamed() {
        assertMessage(Map.of("HTTP_PORT", "eighty"), "HTTP_PORT must be an integer from 0 to 65535 (got 'eighty')");
        assertMessage(Map.of("HTTP_PORT", "70000"), "HTTP_PORT must be an integer from 0 to 65535 (got '70000')");
        assertMessage(Map.of("MAX_BODY_BYTES", "0"), "MAX_BODY_BYTES must be an integer from 1 to 67108864 (got '0')");
        assertMessage(Map.of("DATABASE_URL", "jdbc:mysql://db/x"),
                "DATABASE_URL must start with jdbc:postgresql: or jdbc:sqlite: (got 'jdbc:mysql://db/x')");
    }

    @Test
    void toString_revealsNoSecret() {
        Settings settings = Settings.from(Map.of("TITANX_WEBHOOK_SECRETS", "whsec_hidden", "API_TOKEN", "tok_hidden",
                "DATABASE_URL", "jdbc:postgresql://db/x", "DATABASE_PASSWORD", "pw_hidden"));
        String text = settings.toString();
        assertTrue(!text.contains("whsec_hidden") && !text.contains("tok_hidden") && !text.contains("pw_hidden"), text);
    }

    private static void assertMessage(Map<String, String> env, String message) {
        assertEquals(message, assertThrows(InvalidSettingException.class, () -> Settings.from(env)).getMessage());
    }
}
