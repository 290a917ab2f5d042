package com.titan.webhooks.adapter.out.persistence;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Tells "the store cannot be reached" (spool and retry) from "the store refused this" (report it). */
final class StoreFailures {

    private StoreFailures() {
    }

    /** A deadlock (40P01) or serialization failure (40001): retrying the transaction is the remedy. */
    static boolean isConflict(Throwable failure) {
        return causes(failure).stream().anyMatch(sqlState(state -> state.equals("40P01") || state.equals("40001")));
    }

    static boolean isUnreachable(Throwable failure) {
        if (loginRefusal(failure).isPresent()) {
            return false;
        }
        // SQLState class 08: connection exception; 57P: the server is shutting down or restarting
        return causes(failure).stream().anyMatch(cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
                || cause instanceof SocketException
                || sqlState(state -> state.startsWith("08") || state.startsWith("57P")).test(cause));
    }

    /**
     * The server answered and refused the login: wrong credentials (SQLState class 28) or no such
     * database (3D000). The pool reports it as a connection it could not get, like an outage, but
     * waiting does not mend it: an operator must. Answers the server's own words.
     */
    static Optional<String> loginRefusal(Throwable failure) {
        // the deepest: the pool's own exception copies the server's SQLState but not its words
        return causes(failure).stream().filter(sqlState(state -> state.startsWith("28") || state.equals("3D000")))
                .reduce((outer, inner) -> inner).map(refusal -> String.valueOf(refusal.getMessage()));
    }

    /** {@code failure} and its causes, outermost first. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static Predicate<Throwable> sqlState(Predicate<String> matches) {
        return cause -> cause instanceof SQLException sql && sql.getSQLState() != null && matches.test(sql.getSQLState());
    }
}
