package com.titan.webhooks.adapter.in.http;

import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * Grizzly's HTTP codec, minus the h2c upgrade. Without an HTTP/2 handler, Grizzly 4 treats a
 * request offering {@code Upgrade: h2c} as switching protocols and never delivers its body, so a
 * client such as the JDK's HttpClient (which offers it by default) hangs until a timeout. HTTP/2
 * upgrade is optional for the server (RFC 7540, 3.2): dropping the offer serves it as HTTP/1.1.
 */
final class Http1OnlyCodecFilter extends HttpServerFilter {

    Http1OnlyCodecFilter(boolean chunkingEnabled, int maxHeadersSize, KeepAlive keepAlive, int maxRequestHeaders,
                         int maxResponseHeaders) {
        super(chunkingEnabled, maxHeadersSize, null, keepAlive, null, maxRequestHeaders, maxResponseHeaders);
    }

    @Override
    protected void onHttpHeadersParsed(HttpHeader httpHeader, MimeHeaders headers, FilterChainContext ctx) {
        super.onHttpHeadersParsed(httpHeader, headers, ctx);
        String upgrade = httpHeader.getUpgrade();
        if (upgrade != null && upgrade.toLowerCase(java.util.Locale.ROOT).contains("h2c")) {
            httpHeader.getUpgradeDC().recycle();
            headers.removeHeader("Upgrade");
            headers.removeHeader("HTTP2-Settings");
        }
    }
}
