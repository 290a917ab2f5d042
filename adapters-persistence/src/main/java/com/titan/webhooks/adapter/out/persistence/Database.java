package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.out.AggregateDocuments;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.Publications;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.application.port.out.Transactions;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence adapter: one store (PostgreSQL or SQLite) with its connection pool, its migrations
 * and the repositories that implement the application's persistence ports. A new store implements
 * the same ports and passes the same contract tests.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseSettings settings;
    private final Dialect dialect;
    private final HikariDataSource dataSource;
    private final JdbiTransactions transactions;
    private final GroupCommittingInbox inbox;
    /** One per store: the change feed reads the changes of the kinds registered with it. */
    private final JdbiAggregateDocuments documents;
    private volatile boolean migrated;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, Optional<Path> spoolFolder,
                     long spoolMaxBytes) {
        this.settings = settings;
        this.dialect = settings.dialect();
        this.dataSource = dataSource;
        // both stores bind text the same way, so that they hold the same values (see StorableText)
        // ...and state as the store's JSON type (see JsonState)
        this.transactions = new JdbiTransactions(Jdbi.create(dataSource).registerArgument(new StorableText())
                .registerArgument(new JsonState.Binding(dialect)));
        // SQLite has one writer; on PostgreSQL two writers let one batch fill while another commits
        int writers = dialect == Dialect.SQLITE ? 1 : 2;
        Optional<DeliverySpool> spool = spoolFolder.map(folder -> {
            try {
                return new DeliverySpool(folder, spoolMaxBytes);
            } catch (IOException unusable) {
                // the operator reads this line alone: it says why
                throw new UncheckedIOException("cannot use the spool folder " + folder + ": " + unusable.getMessage(),
                        unusable);
            }
        });
        try {
            this.inbox = new GroupCommittingInbox(new JdbiInbox(transactions, dialect), writers, MAX_BATCH, MAX_WAITING,
                    spool);
        } catch (RuntimeException unstarted) {
            spool.ifPresent(Database::release);
            throw unstarted;
        }
        this.documents = new JdbiAggregateDocuments(transactions);
    }

    private static void release(DeliverySpool spool) {
        try {
            spool.close();
        } catch (IOException ignored) {
            // the start already failed; that failure is the one to report
        }
    }

    /** The most deliveries one commit takes, and how many may wait for a commit before 503s. */
    private static final int MAX_BATCH = 500;
    private static final int MAX_WAITING = 20_000;

    /** Opens the pool; does not need the store to be up yet (the first use will). */
    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * As {@link #open(DatabaseSettings)}, reporting pool metrics to {@code meterRegistry} (a
     * Micrometer MeterRegistry; typed Object so that this adapter needs no Micrometer).
     */
    public static Database open(DatabaseSettings settings, Object meterRegistry) {
        return open(settings, meterRegistry, Optional.empty(), 0);
    }

    /**
     * As above, with a local spool in {@code spoolFolder} (at most {@code spoolMaxBytes}) that
     * takes verified deliveries while the store cannot be reached, and drains into it when it
     * returns. Meant for PostgreSQL, which lives elsewhere; SQLite is already a local file.
     */
    public static Database open(DatabaseSettings settings, Object meterRegistry, Optional<Path> spoolFolder,
                                long spoolMaxBytes) {
        Dialect dialect = settings.dialect();
        HikariConfig config = new HikariConfig();
        config.setPoolName("titan-" + dialect.name().toLowerCase(java.util.Locale.ROOT));
        config.setJdbcUrl(settings.url());
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setInitializationFailTimeout(-1);
        if (meterRegistry != null) {
            config.setMetricRegistry(meterRegistry);
        }
        if (dialect == Dialect.SQLITE) {
            sqliteFile(settings.url()).map(Path::getParent).ifPresent(Database::createDirectories);
            // one connection: SQLite has one writer, and queuing in the pool beats SQLITE_BUSY
            config.setMaximumPoolSize(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "FULL");
            config.addDataSourceProperty("busy_timeout", "5000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        } else {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
            config.setMaximumPoolSize(settings.poolSize());
            config.addDataSourceProperty("connectTimeout", String.valueOf(settings.connectTimeout().toSeconds()));
            config.addDataSourceProperty("socketTimeout", "30");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new Database(settings, pool, spoolFolder, spoolMaxBytes);
        } catch (RuntimeException spoolRefused) {
            pool.close();
            throw spoolRefused;
        }
    }

    /** Applies pending migrations. */
    public int migrate() {
        try {
            int applied = flyway().load().migrate().migrationsExecuted;
            migrated = true;
            inbox.storeReady();
            return applied;
        } catch (RuntimeException failure) {
            // the pool's "connection is not available" hides why; a refused login says it itself
            throw new StoreUnavailableException("migrations failed: "
                    + StoreFailures.loginRefusal(failure).map(refusal -> "the store refused the login: " + refusal)
                    .orElse(failure.getMessage()), failure);
        }
    }

    /**
     * Applies the migrations up to {@code version} only, leaving the store as an older release
     * left it, for tests of the upgrade from there; the store is not ready for use after it.
     */
    void migrateOnlyTo(String version) {
        flyway().target(version).load().migrate();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations().toArray(String[]::new))
                .placeholders(dialect.placeholders())
                .javaMigrations(new ConnectionMembersMigration(dialect));
    }

    /**
     * Migrates as soon as the store can be reached, trying again every {@code retry} while it
     * cannot: with a spool, the service starts and takes deliveries during an outage. Completes
     * when migrated; fails at once for any other reason (wrong credentials, a failed migration).
     */
    public CompletableFuture<Integer> migrateWhenReachable(Duration retry) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Thread migrator = new Thread(() -> {
            while (!done.isDone()) {
                try {
                    done.complete(migrate());
                } catch (RuntimeException failure) {
                    if (!StoreFailures.isUnreachable(failure) || !inbox.hasSpool()) {
                        done.completeExceptionally(failure);
                    } else {
                        LOG.warn("the store cannot be reached to migrate it ({}); deliveries are spooled, trying again",
                                failure.getMessage());
                        sleep(retry);
                    }
                }
            }
        }, "migration");
        migrator.setDaemon(true);
        migrator.start();
        return done;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why deliveries cannot be accepted now (a full disk, a store that refuses writes), if so. */
    public Optional<String> writeProblem() {
        return inbox.writeProblem();
    }

    /** Whether the threads that commit deliveries all run. */
    public boolean writersAlive() {
        return inbox.writersAlive();
    }

    /** Whether deliveries go to a local spool when the store cannot be reached. */
    public boolean hasSpool() {
        return inbox.hasSpool();
    }

    /** Spooled deliveries the store refused and that were set aside, since start-up. */
    public long spoolSetAsideCount() {
        return inbox.setAsideCount();
    }

    /** Whether verified deliveries are waiting in the local spool for the store to return. */
    public boolean isSpooling() {
        return inbox.isSpooling();
    }

    public boolean isMigrated() {
        return migrated;
    }

    /** Whether the store answers a trivial query now. */
    public boolean isReachable() {
        try {
            return transactions.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the store is, without credentials, for the start-up log line. */
    public String describe() {
        String url = settings.url();
        int query = url.indexOf('?');
        return dialect.displayName() + " at " + (query < 0 ? url : url.substring(0, query));
    }

    public Transactions transactions() {
        return transactions;
    }

    /** The same, with its JDBI handle, for this package's tests and benchmark. */
    JdbiTransactions jdbiTransactions() {
        return transactions;
    }

    /** The inbox; one per store, because it owns the group-commit writers. */
    public Inbox inbox() {
        return inbox;
    }

    public PendingEvents pendingEvents() {
        return new JdbiPendingEvents(transactions, dialect);
    }

    public StoredEvents storedEvents() {
        return new JdbiStoredEvents(transactions, dialect);
    }

    public Connections connections() {
        return new JdbiConnectionRepository(transactions, dialect);
    }

    public Cards cards() {
        return new JdbiCardRepository(transactions);
    }

    public Reminders reminders() {
        return new JdbiReminderRepository(transactions);
    }

    public Contacts contacts() {
        return new JdbiContactRepository(transactions);
    }

    public ScoringJobs scoringJobs() {
        return new JdbiScoringJobRepository(transactions);
    }

    /** Every aggregate stored as a document; each kind is registered by asking for its store. */
    public AggregateDocuments documents() {
        return documents;
    }

    /** The change feed: every kind's changes, those of kinds stored as documents as they were stored. */
    public ChangeFeed changes() {
        return new JdbiChangeFeed(transactions);
    }

    public Publications publications() {
        return new JdbiPublications(transactions);
    }

    /** Commits the deliveries still waiting, then closes the pool. */
    @Override
    public void close() {
        inbox.close();
        dataSource.close();
    }

    static Optional<Path> sqliteFile(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file.startsWith("file:") ? file.substring("file:".length()) : file).toAbsolutePath());
    }

    private static void createDirectories(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the SQLite file: " + folder, e);
        }
    }
}
