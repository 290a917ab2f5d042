package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migrate}: apply the store's migrations and exit, for deployments that migrate before rolling out. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the store's migrations and exit.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Settings settings = main.settings();
        try (Database database = Database.open(settings.database())) {
            int applied = database.migrate();
            spec.commandLine().getOut().println("applied " + applied + " migration(s) to " + database.describe());
        }
        return 0;
    }
}
