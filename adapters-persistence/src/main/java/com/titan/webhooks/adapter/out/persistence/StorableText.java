package com.titan.webhooks.adapter.out.persistence;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds every string so that PostgreSQL can hold it: its {@code text} type refuses the NUL
 * character, which a provider may well send inside a JSON string. Left as it was, one such value
 * would fail its whole transaction (a delivery answered 503 forever, a projection batch rolled
 * back). Each NUL is bound as U+FFFD instead. The raw body keeps the original bytes; on
 * PostgreSQL the aggregates' JSONB state holds U+FFFD as well ({@link JsonState}), on SQLite the
 * escaped {@code \u0000}.
 */
final class StorableText extends AbstractArgumentFactory<String> {

    static final char NUL = '\u0000';
    static final char REPLACEMENT = '\uFFFD';

    StorableText() {
        super(Types.VARCHAR);
    }

    @Override
    protected Argument build(String value, ConfigRegistry config) {
        String storable = storable(value);
        return (position, statement, context) -> statement.setString(position, storable);
    }

    /** {@code value} as PostgreSQL's text can hold it; also for text bound otherwise than one by one (arrays). */
    static String storable(String value) {
        return value == null || value.indexOf(NUL) < 0 ? value : value.replace(NUL, REPLACEMENT);
    }
}
