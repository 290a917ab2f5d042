package com.titan.webhooks.adapter.out.persistence;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/** Tells "the store cannot be reached" (spool and retry) from "the store refused this" (report it). */
final class StoreFailures {

    private StoreFailures() {
    }

    /** A deadlock (40P01) or serialization failure (40001): retrying the transaction is the remedy. */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnreachable(Throwable failure) {
        if (loginRefusal(failure).isPresent()) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException || cause instanceof SocketException) {
                return true;
            }
            // SQLState class 08: connection exception; 57P: the server is shutting down or restarting
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The server answered and refused the login: wrong credentials (SQLState class 28) or no such
     * database (3D000). The pool reports it as a connection it could not get, like an outage, but
     * waiting does not mend it: an operator must. Answers the server's own words.
     */
    static Optional<String> loginRefusal(Throwable failure) {
        // the deepest: the pool's own exception copies the server's SQLState but not its words
        Optional<String> refusal = Optional.empty();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || "3D000".equals(sql.getSQLState()))) {
                refusal = Optional.of(String.valueOf(sql.getMessage()));
            }
        }
        return refusal;
    }
}
