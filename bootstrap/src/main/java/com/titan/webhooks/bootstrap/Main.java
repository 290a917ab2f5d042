package com.titan.webhooks.bootstrap;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The executable jar's entry point: {@code serve} (the default) and the operator commands. */
@Command(name = "titan-webhooks", mixinStandardHelpOptions = true, version = "titan-webhooks 0.1.0",
        description = "Receives, verifies, stores and projects TitanX and TitanCard webhooks.",
        subcommands = {ServeCommand.class, MigrateCommand.class, SendCommand.class, VerifyCommand.class,
                ReplayEventsCommand.class, ChangesCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit code for a bad argument or setting, as picocli uses for usage errors. */
    static final int USAGE = 2;

    private final Map<String, String> environment;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A .properties or .yaml file of settings (same names as the environment variables; "
                    + "the environment wins).")
    private Path config;

    Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /** Runs one command with {@code environment} as its settings; answers the exit code. */
    static int run(Map<String, String> environment, String... args) {
        return run(environment, new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        routeJulToSlf4j();
        CommandLine commandLine = new CommandLine(new Main(environment));
        // what can be chosen, in the help, from the lists the service itself uses
        commandLine.getSubcommands().get("serve").getCommandSpec().usageMessage()
                .footer("%nSettings (environment variables, or keys of the --config file; the environment wins):%n"
                        + Setting.table().replace("%", "%%"));
        commandLine.getSubcommands().get("send").getCommandSpec().usageMessage().footer(SendCommand.eventTypes());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((bad, badArgs) -> {
            bad.getCommandLine().getErr().println("titan-webhooks: " + bad.getMessage() + " (see --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((failure, cmd, parsed) -> {
            if (failure instanceof InvalidSettingException) {
                cmd.getErr().println("titan-webhooks: " + failure.getMessage());
                return USAGE;
            }
            cmd.getErr().println("titan-webhooks: " + describe(failure));
            return 1;
        });
        return commandLine.execute(args);
    }

    /**
     * The settings every command reads, from the environment it was started with and the
     * {@code --config} file; the log settings take effect here, for the file's sake.
     */
    Settings settings() {
        Settings settings = Settings.from(config == null ? environment
                : ConfigFile.overlay(ConfigFile.read(config), environment));
        settings.logOutput().apply();
        return settings;
    }

    /** No command: serve, so that {@code java -jar titan-webhooks.jar --config titan.yaml} runs the service. */
    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.serve(settings());
    }

    /** Some exceptions (a refused connection) carry no message; their type then says what happened. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Jersey, Grizzly and HK2 log through java.util.logging. */
    private static void routeJulToSlf4j() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
