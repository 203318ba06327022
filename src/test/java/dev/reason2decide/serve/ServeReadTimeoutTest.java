// The server's read timeout, tested directly, and a malformed chunk size that is answered without waiting for it.
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

class ServeReadTimeoutTest {
  @Test
  void aRequestWhoseHeadersOrBodyNeverEndIsCutOffByTheReadTimeout() throws Exception {
    // a 1 s timeout in a JVM of its own (the JDK reads it once per process); the default is READ_TIMEOUT_S
    try (ShortTimeoutServer.Started server = ShortTimeoutServer.start(1);
        Socket headers = new Socket("127.0.0.1", server.port());
        Socket body = new Socket("127.0.0.1", server.port())) {
      write(headers, "GET /health HTTP/1.1\r\nHost: localhost\r\n");
      write(body, "POST /v1/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: 100\r\n\r\n{\"text\": ");
      // without a read timeout these connections would stay open for ever: the 60 s only stops a broken build
      assertEquals("closed without an answer", outcome(headers, 60_000));
      assertEquals("closed without an answer", outcome(body, 60_000));
      String health = ServerReliabilityTest.raw(server.port(), "GET /health HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\n\r\n");
      assertEquals(200, ServerReliabilityTest.status(health), "the server itself goes on: " + health);
    }
  }

  @Test
  void aChunkSizeOfTwentyHexDigitsIsAnsweredAt400BeforeTheReadTimeout() throws Exception {
    try (DecisionServer server = ServerReliabilityTest.start(new KeywordModel(), ServeConfig.defaults(),
        new ConcurrentLinkedQueue<>())) {
      for (String size : List.of("FFFFFFFFFFFFFFFFFFFF", "1234567890abcdef1234", "00000000000000000001")) {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
          write(s, "POST /v1/predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{\"text\":\"a\"}\r\n0\r\n\r\n");
          // the answer and the end of the connection come before the 10 s read timeout could have closed it (it
          // used to: closing the request body read on after the bad size, waiting for a chunk that never came)
          s.setSoTimeout(DecisionServer.READ_TIMEOUT_S * 1000 / 2);
          String r = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          assertEquals(400, ServerReliabilityTest.status(r), size + ": " + r);
          assertEquals("malformed chunked request body: invalid chunk header", ServerReliabilityTest.message(r));
        }
      }
    }
  }

  private static void write(Socket s, String text) throws IOException {
    s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();
  }

  /** What the server did with a connection: closed it without a byte, or answered (the answer). */
  private static String outcome(Socket s, int waitMillis) throws IOException {
    s.setSoTimeout(waitMillis);
    try {
      byte[] answer = s.getInputStream().readAllBytes();
      return answer.length == 0 ? "closed without an answer" : new String(answer, StandardCharsets.UTF_8);
    } catch (SocketException reset) {
      assertTrue(String.valueOf(reset.getMessage()).contains("reset"), reset.toString());
      return "closed without an answer";
    }
  }
}
