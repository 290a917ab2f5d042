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
    void httpHost_acceptsIpv4Ipv6AndHostNames() {
        for (String host : new String[] {"0.0.0.0", "127.0.0.1", "::", "::1", "[::1]", "fe80::1", "::ffff:10.0.0.1",
                "localhost", "api.example.com", "my-host", "host1."}) {
            assertEquals(host.replace("[", "").replace("]", ""), Settings.from(Map.of("HTTP_HOST", host)).httpHost(), host);
        }
    }

    @Test
    void httpHost_thatIsNeitherAnAddressNorAHostName_isRejected() {
        for (String host : new String[] {"999.1.1.1", "1.2.3", "1.2.3.4.5", "256.0.0.1", "my_host", ":::1", "1::2::3",
                "-host", "host-", "a..b", "exa mple.com", "http://localhost", "localhost:8080", "[::1", "g::1"}) {
            assertMessage(Map.of("HTTP_HOST", host), "HTTP_HOST must be an IPv4 or IPv6 address or a host name (got '"
                    + host + "')");
        }
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
