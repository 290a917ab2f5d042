package com.titan.webhooks.adapter.out.persistence;

import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * An aggregate's stored state, as JSON text, bound to its {@code state} column: {@code JSONB} on
 * PostgreSQL, {@code TEXT} on SQLite. Reading needs nothing of the kind: both hand the column
 * back as text.
 */
record JsonState(String json) {

    JsonState {
        if (json == null) {
            throw new IllegalArgumentException("json must not be null");
        }
    }

    /**
     * Binds a {@link JsonState}. PostgreSQL is told the type is to be inferred (JDBC's
     * {@code OTHER}), so that text is taken for the JSONB column without a cast in every statement;
     * JSONB refuses the escape {@code \u0000}, so it is bound as {@code \ufffd}, as
     * {@link StorableText} does for the other columns (migration V9 did the same to stored state).
     */
    static final class Binding extends AbstractArgumentFactory<JsonState> {

        private final Dialect dialect;

        Binding(Dialect dialect) {
            super(dialect == Dialect.POSTGRESQL ? Types.OTHER : Types.VARCHAR);
            this.dialect = dialect;
        }

        @Override
        protected Argument build(JsonState value, ConfigRegistry config) {
            if (dialect == Dialect.POSTGRESQL) {
                String storable = withoutNul(value.json());
                return (position, statement, context) -> statement.setObject(position, storable, Types.OTHER);
            }
            return (position, statement, context) -> statement.setString(position, value.json());
        }
    }

    /** {@code json} with each escape {@code \u0000} made {@code \ufffd}; an escaped backslash before "u0000" is left alone. */
    static String withoutNul(String json) {
        if (!json.contains("\\u0000")) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                if (json.startsWith("u0000", i + 1)) {
                    out.append("\\ufffd");
                    i += 5;
                } else {
                    out.append(c).append(json.charAt(i + 1));
                    i++;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
