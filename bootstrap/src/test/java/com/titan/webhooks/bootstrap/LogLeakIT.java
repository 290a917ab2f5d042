package com.titan.webhooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole unit and end-to-end suite (Failsafe, after Surefire) and scans everything
 * the service logged during it, at DEBUG, for the secrets, the API token and anything shaped like
 * a signature. A webhook receiver's logs are read by more people than its database.
 */
class LogLeakIT {

    private static final List<String> SECRETS = List.of(RunningService.TITANX_SECRET, RunningService.TITANCARD_SECRET,
            "whsec_old_secret", "test-api-token", "whsec_park", "whsec_verify", "whsec_shutdown",
            "whsec_json_logs", "tok_json_logs_never_logged");
    private static final Pattern CARD_SIGNATURE = Pattern.compile("sha256=[0-9a-fA-F]{64}");
    private static final Pattern X_SIGNATURE = Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])");

    @Test
    void nothingTheServiceLogged_containsASecretATokenOrASignature() throws IOException {
        Path folder = Path.of("target", "test-logs");
        Path unit = folder.resolve("unit.log");
        assertTrue(Files.exists(unit), "the unit and end-to-end suite's log is missing: " + unit.toAbsolutePath());
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
        }
        String text = all.toString();
        String log = folder.toString();
        long deliveries = text.lines().filter(line -> line.contains("com.titan.webhooks.delivery")).count();
        assertTrue(deliveries > 1_000 && text.contains("spooling deliveries locally"),
                "the logs hold too little to prove anything (" + deliveries + " delivery lines)");
        List<String> leaks = new ArrayList<>();
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                leaks.add("secret or token " + secret.substring(0, 6) + "...");
            }
        }
        for (Pattern signature : List.of(CARD_SIGNATURE, X_SIGNATURE)) {
            Matcher matcher = signature.matcher(text);
            if (matcher.find()) {
                leaks.add("signature-shaped text: " + matcher.group());
            }
        }
        assertTrue(leaks.isEmpty(), "found in " + log + ": " + leaks);
    }
}
