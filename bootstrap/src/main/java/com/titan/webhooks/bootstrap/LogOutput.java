package com.titan.webhooks.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LOG_FORMAT} and {@code LOG_LEVEL}, validated like every other setting (Logback itself would
 * print nothing for an unknown format and read an unknown level as DEBUG), and applied to Logback
 * when they come from a configuration file, which Logback cannot see when it starts.
 */
record LogOutput(String format, Level level) {

    private static final String CONFIGURATION = "/logback.xml";

    static LogOutput from(Optional<String> format, Optional<String> level) {
        String chosenFormat = format.orElse("text");
        if (!chosenFormat.equals("text") && !chosenFormat.equals("json")) {
            throw new InvalidSettingException("LOG_FORMAT must be text or json (got '" + chosenFormat + "')");
        }
        Level chosenLevel = Level.toLevel(level.orElse("INFO"), null);
        if (chosenLevel == null || chosenLevel == Level.ALL) {
            throw new InvalidSettingException("LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF (got '"
                    + level.orElse("") + "')");
        }
        return new LogOutput(chosenFormat, chosenLevel);
    }

    /**
     * Reconfigures Logback from the jar's own configuration with these values, unless it already
     * runs with them. A test's configuration ({@code logback-test.xml}) is left alone.
     */
    void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL ours = LogOutput.class.getResource(CONFIGURATION);
        // only the jar's logback.xml puts LOG_FORMAT into the context; without it, another configuration rules
        String running = context.getProperty("LOG_FORMAT");
        if (ours == null || running == null) {
            return;
        }
        if (format.equals(running)
                && level.equals(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel())) {
            return;
        }
        context.reset();
        context.putProperty("LOG_FORMAT", format);
        context.putProperty("LOG_LEVEL", level.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(ours);
        } catch (JoranException broken) {
            throw new IllegalStateException("the jar's logback.xml cannot be read", broken);
        }
    }

    @Override
    public String toString() {
        return "log=" + format + "/" + level.toString().toLowerCase(Locale.ROOT);
    }
}
