// A small HTTP client for the service tests: requests on loopback, answers parsed as JSON.
package dev.reason2decide.serve;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Sends requests to one server and returns status, headers and body. */
final class TestHttp {
  /** An answer of the server. */
  record Answer(int status, HttpResponse<String> response) {
    JsonObject json() {
      return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    String message() {
      return json().get("message").getAsString();
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  TestHttp(DecisionServer server) {
    this.base = "http://127.0.0.1:" + server.port();
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Answer postJson(String path, String json) {
    return post(path, "application/json", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
  }

  Answer post(String path, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(20)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
