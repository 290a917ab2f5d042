package com.titan.webhooks.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.signature.SignatureCheck;
import com.titan.webhooks.domain.signature.SigningSecret;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: does this signature verify for this body and secret, and if not, why not? Beyond
 * the header's own faults, it tries the usual integration mistakes (a trailing newline, JSON that
 * was re-serialised, whitespace around the secret, the other provider's scheme) and names the one
 * that explains the mismatch.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Say whether a signature verifies for a body and a secret, and why not.")
final class VerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(names = "--provider", required = true, paramLabel = "titanx|titancard",
            description = "Whose signing scheme: titanx (Base64 in X-TitanX-Signature) or titancard (sha256=<hex> in "
                    + "X-Webhook-Signature).")
    private String provider;

    @Option(names = "--secret", required = true, paramLabel = "SECRET",
            description = "The webhook secret, whole (for TitanX including its whsec_ prefix).")
    private String secret;

    @Option(names = "--body", required = true, paramLabel = "FILE", description = "The raw body, exactly as received.")
    private Path body;

    @Option(names = "--signature", required = true, paramLabel = "SIGNATURE", description = "The signature header's value.")
    private String signature;

    @Override
    public Integer call() throws IOException {
        Source source = Source.fromWireName(provider)
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--provider must be titanx or titancard"));
        if (!Files.isReadable(body)) {
            throw new ParameterException(spec.commandLine(), "--body " + body + " cannot be read");
        }
        byte[] bytes = Files.readAllBytes(body);
        PrintWriter out = spec.commandLine().getOut();
        SignatureCheck check = source.signaturePolicy().check(bytes, signature, List.of(new SigningSecret(secret)));
        if (check.isValid()) {
            out.println("valid: " + check.explanation());
            return 0;
        }
        out.println("invalid: " + check.explanation());
        hint(source, bytes, check).ifPresent(hint -> out.println("hint: " + hint));
        out.println("expected: " + source.signaturePolicy().sign(bytes, new SigningSecret(secret)));
        return 1;
    }

    private Optional<String> hint(Source source, byte[] bytes, SignatureCheck check) {
        Source other = source == Source.TITANX ? Source.TITANCARD : Source.TITANX;
        if (verifies(other, bytes, signature.strip(), secret)) {
            return Optional.of("this is " + other.wireName() + "'s signature scheme; check the endpoint or --provider");
        }
        // 64 hex characters are also valid Base64, so hex shows up as a wrong length as often as a wrong encoding
        if ((check == SignatureCheck.WRONG_ENCODING || check == SignatureCheck.WRONG_LENGTH)
                && source == Source.TITANX && isHex(signature)) {
            return Optional.of("TitanX signatures are Base64 of the MAC, not hex");
        }
        if (check == SignatureCheck.SURROUNDING_WHITESPACE && verifies(source, bytes, signature.strip(), secret)) {
            return Optional.of("it verifies once the whitespace around it is removed");
        }
        if (check != SignatureCheck.MISMATCH) {
            return Optional.empty();
        }
        if (!secret.equals(secret.strip()) && verifies(source, bytes, signature, secret.strip())) {
            return Optional.of("the secret has whitespace around it; the provider signs with the trimmed secret");
        }
        for (int end = bytes.length; end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r'); end--) {
            if (verifies(source, Arrays.copyOf(bytes, end - 1), signature, secret)) {
                return Optional.of("it verifies without the body's trailing newline: the file has bytes the sender did not sign");
            }
        }
        try {
            byte[] compact = JSON.writeValueAsBytes(JSON.readTree(bytes));
            byte[] pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(bytes));
            if (verifies(source, compact, signature, secret) || verifies(source, pretty, signature, secret)) {
                return Optional.of("it verifies over the JSON re-serialised: verify the raw bytes received, not parsed and re-encoded JSON");
            }
        } catch (IOException notJson) {
            // no JSON variant to try
        }
        return Optional.of("no variant of the body or the secret verifies: most likely a different secret");
    }

    private static boolean verifies(Source source, byte[] bytes, String header, String secret) {
        return !secret.isBlank() && source.signaturePolicy().check(bytes, header, List.of(new SigningSecret(secret))).isValid();
    }


    private static boolean isHex(String text) {
        try {
            HexFormat.of().parseHex(text.strip());
            return true;
        } catch (IllegalArgumentException notHex) {
            return false;
        }
    }
}
