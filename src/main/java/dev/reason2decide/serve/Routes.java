// The service's routing table: exact paths and path prefixes, each with its methods (HEAD wherever GET); 404, 405, 500.
package dev.reason2decide.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dispatches every request of the server to one handler and writes its reply; logs one line per request. A request
 * for a name the server does not answer to ({@link HostCheck}) is refused before it is routed.
 */
final class Routes implements HttpHandler {
  /** Answers one request. */
  @FunctionalInterface
  interface Handler {
    Reply handle(Call call) throws ApiError, IOException;
  }

  private record Route(String method, String path, boolean prefix, Handler handler) {
    boolean matches(String requestPath) {
      return prefix ? requestPath.startsWith(path) && requestPath.length() > path.length()
          : requestPath.equals(path);
    }
  }

  private final List<Route> routes = new ArrayList<>();
  private final RequestLog log;
  private final HostCheck hosts;
  /** Requests being handled (read, decided or answered), for the drain. */
  private final AtomicInteger active = new AtomicInteger();
  private volatile boolean draining;

  Routes(RequestLog log, HostCheck hosts) {
    this.log = log;
    this.hosts = hosts;
  }

  /** Routes {@code method path} exactly. */
  Routes exact(String method, String path, Handler handler) {
    routes.add(new Route(method, path, false, handler));
    return this;
  }

  /** Routes {@code method prefix...} (any longer path starting with {@code prefix}). */
  Routes prefix(String method, String prefix, Handler handler) {
    routes.add(new Route(method, prefix, true, handler));
    return this;
  }

  /** The exact paths routed, for checks against the OpenAPI document. */
  List<String> exactPaths() {
    return routes.stream().filter(r -> !r.prefix()).map(Route::path).distinct().toList();
  }

  /** From now on every new request is answered 503 (the service is shutting down) and its connection closed. */
  void drain() {
    draining = true;
  }

  /** Requests being handled now. */
  int active() {
    return active.get();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    active.incrementAndGet();
    try {
      answer(exchange);
    } finally {
      active.decrementAndGet();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    Call call = new Call(exchange);
    Reply reply;
    try {
      reply = dispatch(call);
    } catch (ApiError e) {
      reply = Reply.error(e);
    } catch (IOException e) {
      // the client went away while we read its body; nothing more can be said to it
      log.write(call, 499, start);
      exchange.close();
      return;
    } catch (RuntimeException e) {
      reply = Reply.error(new ApiError(500, "internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage())));
    }
    if (reply.status() == Admission.CLIENT_GONE) {
      // nobody is there to read an answer
      log.write(call, reply.status(), start);
      exchange.close();
      return;
    }
    if (call.bodyUnreadable()) {
      // a malformed chunked body: answer, then drop the connection. Closing the exchange would first read the rest
      // of the body, and a broken chunk size can make that wait for bytes that never come (the read timeout).
      try {
        write(exchange, reply, "HEAD".equals(call.method()), false);
      } finally {
        log.write(call, reply.status(), start);
      }
      throw new IOException("malformed chunked request body; connection dropped after the answer");
    }
    try {
      write(exchange, reply, "HEAD".equals(call.method()), true);
    } finally {
      log.write(call, reply.status(), start);
      exchange.close();
    }
  }

  private Reply dispatch(Call call) throws ApiError, IOException {
    if (draining) {
      throw new ApiError(503, "the service is shutting down; retry on another instance or once it is back",
          Map.of("Retry-After", "5", "Connection", "close"));
    }
    hosts.check(call.exchange().getRequestHeaders().getFirst("Host"),
        call.exchange().getLocalAddress().getAddress());
    String path = call.path();
    // HEAD is answered as GET without the body
    String method = "HEAD".equals(call.method()) ? "GET" : call.method();
    TreeSet<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      if (r.matches(path)) {
        if (r.method().equals(method)) {
          return r.handler().handle(call);
        }
        allowed.add(r.method());
        if ("GET".equals(r.method())) {
          allowed.add("HEAD");
        }
      }
    }
    if (allowed.isEmpty()) {
      throw new ApiError(404, "no such endpoint: " + path + " (see /openapi.json)");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Allow", String.join(", ", allowed));
    throw new ApiError(405, "method " + call.method() + " is not allowed on " + path + "; use "
        + String.join(" or ", allowed), headers);
  }

  /** Writes {@code reply}; {@code close}: close the body stream (which reads what is left of the request body). */
  private static void write(HttpExchange exchange, Reply reply, boolean head, boolean close) throws IOException {
    var h = exchange.getResponseHeaders();
    h.set("Content-Type", reply.contentType());
    h.set("X-Content-Type-Options", "nosniff");
    // every asset comes from this process: the page can load nothing from elsewhere
    h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cache-Control", "no-store");
    reply.headers().forEach(h::set);
    if (head) {
      exchange.sendResponseHeaders(reply.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    if (reply.body().length > 0) {
      OutputStream out = exchange.getResponseBody();
      out.write(reply.body());
      out.flush();
      if (close) {
        out.close();
      }
    }
  }
}
