import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The benchmark's ceiling for ingest, run from the jar's classes: {@code java -cp titan-webhooks.jar
 * bench/NoopReceiver.java PORT}. The same Grizzly, the same listener settings and the same way of
 * reading a body as the service's webhook endpoint (suspended, read without blocking), then a fixed
 * 202: everything a delivery costs before the service does its own work. What the service reaches
 * below this is what its own stages cost.
 */
public class NoopReceiver {

    private static final byte[] ANSWER = "{\"status\":\"accepted\",\"event_id\":\"00000000-0000-0000-0000-000000000000\"}"
            .getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("noop", "127.0.0.1", Integer.parseInt(args[0]));
        server.addListener(listener);
        server.getServerConfiguration().addHttpHandler(new HttpHandler() {
            @Override
            public void service(Request request, Response response) {
                response.suspend();
                NIOInputStream in = request.getNIOInputStream();
                in.notifyAvailable(new ReadHandler() {
                    @Override
                    public void onDataAvailable() {
                    }

                    @Override
                    public void onAllDataRead() throws IOException {
                        byte[] buffer = new byte[8192];
                        int ready;
                        while ((ready = in.readyData()) > 0) {
                            if (in.read(buffer, 0, Math.min(ready, buffer.length)) < 0) {
                                break;
                            }
                        }
                        response.setStatus(202);
                        response.setContentType("application/json");
                        response.setContentLength(ANSWER.length);
                        response.getOutputStream().write(ANSWER);
                        response.resume();
                    }

                    @Override
                    public void onError(Throwable failure) {
                        response.resume();
                    }
                }, 1024 * 1024 + 1);
            }
        }, "/webhooks/titancard");
        server.start();
        System.out.println("ready");
        new CountDownLatch(1).await();
    }
}
