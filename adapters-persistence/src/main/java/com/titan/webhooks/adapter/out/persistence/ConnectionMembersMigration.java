package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.domain.connection.Connection;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Migration V12: every stored connection's state up to schema {@value ConnectionRow#SCHEMA}, its
 * notes and enrichments moved out of it into the tables of V11. Written in Java because the
 * upgrade is {@link ConnectionRow}'s own: each state is read as this release reads it and written
 * back as this release writes it, the members appended as a save appends them, so the migration
 * and the service cannot disagree on the format. The version is unchanged: nothing happened to
 * the connection. A state this release cannot read is left as it was, as the service leaves it
 * (the events for it are parked with the reason); the service upgrades it if it is ever saved.
 */
final class ConnectionMembersMigration implements JavaMigration {

    private static final int CHUNK = 500;
    private static final String CHUNK_OF_STATES = """
            SELECT id, version, state FROM connections WHERE id > :after ORDER BY id LIMIT :limit
            """;

    private final Dialect dialect;

    ConnectionMembersMigration(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("12");
    }

    @Override
    public String getDescription() {
        return "connection members out of state";
    }

    @Override
    public Integer getChecksum() {
        return ConnectionRow.SCHEMA;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        java.sql.Connection connection = context.getConnection();
        // Flyway owns the connection and its transaction: the handle must not close it
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public java.sql.Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(java.sql.Connection toClose) {
            }
        }).registerArgument(new StorableText()).registerArgument(new JsonState.Binding(dialect));
        try (Handle handle = jdbi.open()) {
            String after = "";
            List<ConnectionRow> chunk;
            do {
                chunk = handle.createQuery(CHUNK_OF_STATES).bind("after", after).bind("limit", CHUNK)
                        .map((rs, ctx) -> new ConnectionRow(rs.getString("id"), rs.getLong("version"),
                                rs.getString("state"), null, null, null, List.of(), false, 0))
                        .list();
                upgrade(handle, chunk);
                after = chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).id();
            } while (chunk.size() == CHUNK);
        }
    }

    private static void upgrade(Handle handle, List<ConnectionRow> rows) {
        List<Connection> upgraded = new ArrayList<>();
        for (ConnectionRow row : rows) {
            try {
                upgraded.add(row.toDomain());
            } catch (RuntimeException unreadable) {
                // left as it is: the service reports it when an event needs it
            }
        }
        ConnectionMembers.append(handle, upgraded);
        for (Connection connection : upgraded) {
            handle.createUpdate("UPDATE connections SET state = :state WHERE id = :id")
                    .bind("state", new JsonState(ConnectionRow.from(connection).state()))
                    .bind("id", connection.id().value()).execute();
        }
    }
}
