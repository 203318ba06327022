// One HTTP request as handlers see it: method, path, bounded body reading, and what the request log may say.
package dev.reason2decide.serve;

import com.sun.net.httpserver.HttpExchange;
import dev.reason2decide.io.PrintableText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A request in progress. Not shared between threads. */
public final class Call {
  private final HttpExchange exchange;
  private final List<String> inputs = new ArrayList<>();
  private boolean bodyUnreadable;

  Call(HttpExchange exchange) {
    this.exchange = exchange;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  /** The request path, without the query. */
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  /**
   * Reads the whole body as UTF-8, refusing more than {@code maxBytes} (413, checked against Content-Length before
   * reading when the client sends one), a missing media type or one other than JSON (415) and bytes that are not
   * UTF-8 (400).
   */
  public String jsonBody(int maxBytes) throws ApiError, IOException {
    // required: a page elsewhere can POST text/plain or a form without a CORS preflight, never application/json
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null) {
      throw new ApiError(415, "Content-Type must be application/json, got none");
    }
    if (!type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      throw new ApiError(415, "Content-Type must be application/json, got '" + PrintableText.escape(type) + "'");
    }
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        throw new ApiError(400, "Content-Length is not a number: '" + declared + "'");
      }
      if (length > maxBytes) {
        throw tooLarge(maxBytes, length + " bytes");
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // not closed on a malformed chunked body: closing reads on, after the bad chunk header, what the decoder takes
    // for the rest of the body (a 20-digit size leaves a few digits that name a large chunk, waited for until the
    // read timeout); Routes drops that connection instead
    InputStream in = exchange.getRequestBody();
    try {
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        bytes.write(buf, 0, n);
        if (bytes.size() > maxBytes) {
          closeQuietly(in);
          throw tooLarge(maxBytes, "more than " + maxBytes + " bytes");
        }
      }
      in.close();
    } catch (IOException e) {
      // the JDK's chunked decoder says "invalid chunk length" / "invalid chunk header"; anything else: client gone
      if (e.getMessage() != null && e.getMessage().startsWith("invalid chunk")) {
        bodyUnreadable = true;
        throw new ApiError(400, "malformed chunked request body: " + e.getMessage());
      }
      throw e;
    } catch (IndexOutOfBoundsException e) {
      // a chunk size of 2^31 or more overflows the JDK's chunked decoder
      bodyUnreadable = true;
      throw new ApiError(400, "malformed chunked request body: a chunk size is out of range");
    }
    if (bytes.size() == 0) {
      throw new ApiError(400, "request body is empty; send a JSON object");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new ApiError(400, "request body is not valid UTF-8");
    }
  }

  /** Records a note this request carries, for the request log (its length always, its text only if allowed). */
  public void noteInput(String text) {
    inputs.add(text);
  }

  /** The notes recorded with {@link #noteInput}. */
  List<String> inputs() {
    return inputs;
  }

  /** Whether the request body turned out malformed mid-stream, so the connection cannot carry another request. */
  boolean bodyUnreadable() {
    return bodyUnreadable;
  }

  HttpExchange exchange() {
    return exchange;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close(); // reads on up to the JDK's drain amount, so that the connection can be reused
    } catch (IOException e) {
      // the refusal is what matters; a connection that cannot be drained is closed by the JDK server
    }
  }

  private static ApiError tooLarge(int maxBytes, String got) {
    return new ApiError(413, "request body is too large: " + got + "; the limit is " + maxBytes
        + " bytes (--max-body-bytes)");
  }
}
