package com.titan.webhooks.bootstrap;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import sun.misc.Signal;

/**
 * {@code serve}: run the service until SIGTERM or SIGINT, then stop gracefully (no new requests,
 * in-flight ones and the current projection batch finish, the pool closes) and exit 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service (the default command). Settings come from environment variables"
                + " and, optionally, --config FILE (.yaml or .properties, the same names).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Override
    public Integer call() throws InterruptedException {
        return serve(main.settings());
    }

    /** Runs the service until SIGTERM or SIGINT; answers the exit code. */
    static int serve(Settings settings) throws InterruptedException {
        FatalErrors.install();
        TitanWebhooks service = TitanWebhooks.start(settings);
        CountDownLatch stop = new CountDownLatch(1);
        // handled here rather than by a shutdown hook, so that a graceful stop exits 0, not 143
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        stop.await();
        service.close();
        return 0;
    }
}
