package com.titan.webhooks.bootstrap;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The RabbitMQ settings, present when {@code AMQP_URL} is set: where the broker is, the exchange
 * the change feed is published to, and (optionally) the queue relayed deliveries are consumed from.
 */
record BrokerSettings(String url, String changesExchange, Optional<String> deliveriesQueue, int prefetch) {

    static final String DEFAULT_EXCHANGE = "titan.changes";
    // what RabbitMQ accepts as a name, less the amq. prefix it reserves for itself
    private static final Pattern NAME = Pattern.compile("(?!amq\\.)[A-Za-z0-9_.:-]{1,255}");

    /** Empty when {@code AMQP_URL} is not set; then a deliveries queue is a mistake, and said to be. */
    static Optional<BrokerSettings> from(Map<String, String> env, int prefetch) {
        Optional<String> url = Settings.text(env, "AMQP_URL");
        String exchange = name(env, "AMQP_CHANGES_EXCHANGE").orElse(DEFAULT_EXCHANGE);
        Optional<String> queue = name(env, "AMQP_DELIVERIES_QUEUE");
        if (url.isEmpty()) {
            queue.ifPresent(name -> {
                throw new InvalidSettingException("AMQP_DELIVERIES_QUEUE must come with AMQP_URL, the broker it is on"
                        + " (got '" + name + "' and no AMQP_URL)");
            });
            return Optional.empty();
        }
        return Optional.of(new BrokerSettings(uri(url.get()), exchange, queue, prefetch));
    }

    private static String uri(String url) {
        try {
            URI parsed = new URI(url);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("amqp") || scheme.equals("amqps")) && parsed.getHost() != null) {
                // by the AMQP URI spec a lone "/" names the vhost "", which never exists; people mean the default, "/"
                return "/".equals(parsed.getRawPath()) && parsed.getRawQuery() == null ? url.substring(0, url.length() - 1)
                        : url;
            }
        } catch (URISyntaxException invalid) {
            // said below
        }
        throw new InvalidSettingException("AMQP_URL must look like amqp://user:password@host:5672/vhost (got '"
                + masked(url) + "')");
    }

    private static Optional<String> name(Map<String, String> env, String setting) {
        Optional<String> value = Settings.text(env, setting);
        value.filter(name -> !NAME.matcher(name).matches()).ifPresent(name -> {
            throw new InvalidSettingException(setting + " must be 1 to 255 letters, digits, '-', '_', '.' or ':', not"
                    + " starting with 'amq.' (got '" + name + "')");
        });
        return value;
    }

    /** The URL without its credentials. */
    static String masked(String url) {
        return url.replaceFirst("//[^@/]*@", "//***@");
    }

    /** The password never appears in a log line. */
    @Override
    public String toString() {
        return "Broker[" + masked(url) + ", exchange=" + changesExchange + ", queue=" + deliveriesQueue.orElse("none")
                + "]";
    }
}
