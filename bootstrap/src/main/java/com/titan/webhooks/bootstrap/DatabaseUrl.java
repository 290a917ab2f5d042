package com.titan.webhooks.bootstrap;

import com.titan.webhooks.adapter.out.persistence.Dialect;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code DATABASE_URL} as an operator writes it, made into the JDBC URL and credentials the store
 * needs: a JDBC URL as it is, or the {@code postgres://user:password@host:port/db} form that most
 * hosting platforms hand out. A SQLite URL must name a file: without one SQLite keeps everything
 * in memory, and every acknowledged delivery would be lost on restart.
 */
record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    static DatabaseUrl parse(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromPlatformForm(url);
        }
        Optional<Dialect> dialect = Dialect.of(url);
        if (dialect.isEmpty()) {
            throw new InvalidSettingException("DATABASE_URL must start with jdbc:postgresql:, jdbc:sqlite:, postgres:// or "
                    + "postgresql:// (got '" + masked(url) + "')");
        }
        if (dialect.get() == Dialect.SQLITE && !namesAFile(url.substring("jdbc:sqlite:".length()))) {
            throw new InvalidSettingException("DATABASE_URL must name a SQLite file, e.g. " + Settings.DEFAULT_DATABASE_URL
                    + " (got '" + url + "', which SQLite keeps in memory and loses on restart)");
        }
        return new DatabaseUrl(url, Optional.empty(), Optional.empty());
    }

    private static boolean namesAFile(String rest) {
        String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        return !path.isBlank() && !path.contains(":memory:") && !rest.contains("mode=memory");
    }

    private static DatabaseUrl fromPlatformForm(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException invalid) {
            throw new InvalidSettingException("DATABASE_URL is not a valid URL (got '" + masked(url) + "')");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isBlank()) {
            throw new InvalidSettingException("DATABASE_URL must look like postgres://user:password@host:port/database"
                    + " (got '" + masked(url) + "')");
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        String jdbc = "jdbc:postgresql://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(s -> !s.isEmpty());
            password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** A URL fit for an error line: whatever stands before the host's {@code @} is hidden. */
    static String masked(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user.orElse("-") + "]";
    }
}
