package com.titan.webhooks.adapter.out.persistence;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string so that PostgreSQL can hold it: its {@code text} type refuses the NUL
 * character, which a provider may well send inside a JSON string. Left as it was, one such value
 * would fail its whole transaction (a delivery answered 503 forever, a projection batch rolled
 * back). Each NUL is bound as U+FFFD instead. Nothing is lost: the raw body keeps the original
 * bytes, and the aggregates' JSON state keeps the escaped {@code \u0000}; only the columns that
 * queries filter on see the replacement.
 */
final class StorableText extends AbstractArgumentFactory<String> {

    static final char NUL = '\u0000';
    static final char REPLACEMENT = '\uFFFD';

    StorableText() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String storable = value.indexOf(NUL) < 0 ? value : value.replace(NUL, REPLACEMENT);
        return (position, statement, context) -> statement.setString(position, storable);
    }
}
