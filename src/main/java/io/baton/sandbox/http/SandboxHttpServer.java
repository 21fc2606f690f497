package io.baton.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small HTTP/1.1 server (the JDK's own) in front of one {@link SandboxService}. It counts every
 * call per endpoint and applies the injected faults before the service sees the request.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SandboxHttpServer.class.getName());

    static {
        // The JDK server leaves Nagle's algorithm on, which holds every small answer back ~40 ms
        // behind the client's delayed ACK; real APIs answer in a few ms. Read once, when the JDK's
        // server configuration first loads, so it must be set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxService service;
    private final Faults faults;
    private final CallCounter counter;
    private final HttpServer server;
    private final ExecutorService executor;

    private SandboxHttpServer(SandboxService service, Faults faults, CallCounter counter, HttpServer server,
                              ExecutorService executor) {
        this.service = service;
        this.faults = faults;
        this.counter = counter;
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code host:port} (port 0 = any free port) and starts serving. */
    public static SandboxHttpServer start(SandboxService service, String host, int port, Faults faults,
                                          CallCounter counter) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 128);
            ExecutorService executor = Executors.newFixedThreadPool(32, daemonThreads("sandbox-" + service.name()));
            SandboxHttpServer sandbox = new SandboxHttpServer(service, faults, counter, server, executor);
            server.createContext("/", sandbox::exchange);
            server.setExecutor(executor);
            server.start();
            return sandbox;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the " + service.name() + " sandbox on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    public CallCounter counter() {
        return counter;
    }

    public Faults faults() {
        return faults;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            SandboxRequest request = toRequest(exchange);
            counter.record(service.endpointOf(request));
            Duration delay = faults.nextLatency();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            SandboxResponse response = switch (faults.nextAction()) {
                case PASS -> service.serve(request);
                case SERVER_ERROR -> service.serverError(faults.serverErrorStatus());
                case RATE_LIMIT -> service.injectedRateLimit(request).orElseGet(() -> service.serve(request));
                case CREDENTIALS_REVOKED -> service.credentialsRevoked(request);
                case HTML_ERROR_PAGE -> GatewayAnswers.htmlErrorPage(faults.htmlErrorPageStatus());
                case MALFORMED_JSON -> GatewayAnswers.truncated(service.serve(request));
                case DROP_CONNECTION -> null;
            };
            if (response == null) {
                throw new DroppedConnection();
            }
            sendToCaller(exchange, response);
        } catch (DroppedConnection e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, service.name() + " sandbox failed on " + exchange.getRequestURI(), e);
            try {
                send(exchange, service.serverError(500));
            } catch (IOException ignored) {
                // the client has gone; nothing more to tell it
            }
        }
    }

    /**
     * Thrown out of the handler before any byte is sent: the JDK server then closes the socket, so
     * the client sees the connection drop with no answer at all.
     */
    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("sandbox fault: connection dropped", null, false, false);
        }
    }

    /**
     * Sends the answer; a caller that has gone (killed, timed out) only gets a line in the log:
     * what it asked for has been done, as on a real server, and no 500 is owed to anyone.
     */
    private void sendToCaller(HttpExchange exchange, SandboxResponse response) {
        try {
            send(exchange, response);
        } catch (IOException gone) {
            LOG.log(Level.INFO, service.name() + " sandbox: the caller left before the answer to "
                    + exchange.getRequestURI().getPath() + " was sent (" + gone.getMessage() + ")");
        }
    }

    private static void send(HttpExchange exchange, SandboxResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static SandboxRequest toRequest(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        return new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                rawQuery == null ? "" : rawQuery, parseQuery(rawQuery), headers, body, Map.of());
    }

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
