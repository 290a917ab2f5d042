package com.titan.webhooks.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: run the service until SIGTERM or SIGINT, then stop gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service (the default command). Settings come from environment variables.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Override
    public Integer call() {
        Settings settings = main.settings();
        TitanWebhooks service = TitanWebhooks.start(settings);
        Main.awaitShutdown(service);
        return 0;
    }
}
