package com.titan.webhooks.domain.event;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a document may hold, checked when its kind is registered, at boot: records, text, numbers,
 * booleans, enums, UUIDs, times, and lists, sets and maps (keyed by text, an enum, an Integer or a
 * Long) of those. Anything else, an interface above all (sealed or not), is written as JSON readily and
 * cannot be read back, because JSON does not say which class it was: found at boot rather than
 * when the first stored document is read.
 */
public final class StorableDocument {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class,
            Instant.class, LocalDate.class, LocalTime.class, LocalDateTime.class, OffsetDateTime.class, Duration.class,
            UUID.class);
    private static final Set<Class<?>> KEYS = Set.of(String.class, Integer.class, Long.class);

    private StorableDocument() {
    }

    /** Throws IllegalArgumentException naming the first member a stored document could not be read back with. */
    public static void require(Class<? extends Record> document) {
        check(document, document.getSimpleName(), new HashSet<>());
    }

    private static void check(Type type, String member, Set<Class<?>> seen) {
        if (type instanceof Class<?> plain) {
            if (plain.isPrimitive() || VALUES.contains(plain) || plain.isEnum()) {
                return;
            }
            if (plain.isRecord()) {
                if (seen.add(plain)) {
                    for (RecordComponent component : plain.getRecordComponents()) {
                        check(component.getGenericType(), member + "." + component.getName(), seen);
                    }
                }
                return;
            }
        } else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == List.class || raw == Set.class) {
                check(arguments[0], member + "[]", seen);
                return;
            }
            if (raw == Map.class && arguments[0] instanceof Class<?> key && (KEYS.contains(key) || key.isEnum())) {
                check(arguments[1], member + "{}", seen);
                return;
            }
        }
        throw new IllegalArgumentException("a document cannot hold " + member + " as " + type.getTypeName()
                + ": stored as JSON, it could not be read back; use records, text, numbers, booleans, enums, UUIDs,"
                + " times, and lists, sets and maps of those (see the README's \"Add an event type\")");
    }
}
