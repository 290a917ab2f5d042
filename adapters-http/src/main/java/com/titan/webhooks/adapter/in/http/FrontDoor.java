package com.titan.webhooks.adapter.in.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound adapter: the one handler Grizzly calls for every request. It turns away what no route
 * could use (a path or query that does not decode) with a JSON 400, hands the two webhook paths,
 * exactly as spelt, to their {@link DeliveryReception}, serves the operator's console's static
 * files ({@link ConsoleAssets}), refuses a token-less request whose normalised path is under
 * {@code /api}, and gives everything else to Jersey.
 *
 * <p>Grizzly's own URI decoding is off: it answers an undecodable URI with an empty 500.
 */
final class FrontDoor extends HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FrontDoor.class);
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._~!$&'()*+,;=%-]*)(:[0-9]{0,5})?");

    private final Map<String, DeliveryReception> webhooks;
    private final HttpHandler api;
    private final ApiToken token;
    private final ConsoleAssets console;

    FrontDoor(List<DeliveryReception> webhooks, HttpHandler api, ApiToken token, ConsoleAssets console) {
        this.webhooks = webhooks.stream().collect(Collectors.toUnmodifiableMap(DeliveryReception::path,
                Function.identity()));
        this.api = api;
        this.token = token;
        this.console = console;
        setDecodeUrl(false);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        Optional<RequestTarget> target = RequestTarget.parse(request.getRequestURI(), request.getQueryString());
        if (target.isEmpty()) {
            Answer.error(response, ErrorCode.BAD_REQUEST, "the request target must be an absolute path (and query) of"
                    + " valid percent-encoded UTF-8 text, in the characters RFC 3986 allows", Map.of());
            return;
        }
        if (!isHost(request.getHeader(Header.Host))) {
            Answer.error(response, ErrorCode.BAD_REQUEST, "the Host header is not a host and port", Map.of());
            return;
        }
        DeliveryReception webhook = webhooks.get(request.getRequestURI());
        if (webhook != null) {
            webhook.service(request, response);
            return;
        }
        if (ConsoleAssets.owns(target.get())) {
            console.serve(request, response);
            return;
        }
        if (target.get().isUnder("api") && !token.admits(request.getHeader(Header.Authorization))) {
            token.logRefusal(request.getMethod().getMethodString(), request.getRequestURI(), request.getHeader(Header.Authorization));
            Answer.error(response, ErrorCode.UNAUTHORIZED, null, Map.of());
            return;
        }
        try {
            api.service(request, response);
        } catch (RuntimeException unforeseen) {
            // Grizzly's own answer would be an HTML page with the stack trace
            LOG.error("unexpected failure before the API could answer {} {}", request.getMethod().getMethodString(),
                    request.getRequestURI(), unforeseen);
            if (!response.isCommitted()) {
                response.reset();
                Answer.error(response, ErrorCode.INTERNAL_ERROR, null, Map.of());
            }
        }
    }

    /** RFC 3986's host (a name, an IPv4 address, or an IP literal in brackets) and an optional port; absent is fine. */
    static boolean isHost(String host) {
        return host == null || HOST.matcher(host).matches();
    }

    @Override
    public void start() {
        api.start();
    }

    @Override
    public void destroy() {
        api.destroy();
    }
}
