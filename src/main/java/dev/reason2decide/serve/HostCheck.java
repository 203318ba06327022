// Which names a request's Host header may give: the defence against DNS rebinding of a loopback service.
package dev.reason2decide.serve;

import dev.reason2decide.io.PrintableText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A web page in the clinician's browser can reach a loopback server through a name it controls that it re-points
 * ("rebinds") to 127.0.0.1; the browser then sends that name as {@code Host}. Only {@code localhost}, an address
 * literal that is a loopback address or the address the connection arrived on, the bound host as given and the
 * names of {@code --allow-host} are served; anything else is 421. Address literals are parsed, never looked up.
 */
final class HostCheck {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");
  private final Set<String> names = new LinkedHashSet<>();

  HostCheck(String boundHost, List<String> allowed) {
    names.add("localhost");
    names.add(boundHost.toLowerCase(Locale.ROOT));
    allowed.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
  }

  /** Whether {@code name} can be given to {@code --allow-host}: a host name or an address literal, no port. */
  static boolean isName(String name) {
    return name != null && (NAME.matcher(name).matches() || IPV6.matcher(name).matches());
  }

  /** Refuses a request whose {@code Host} (port left aside) is none of the served names; {@code local}: our side. */
  void check(String hostHeader, InetAddress local) throws ApiError {
    if (hostHeader == null || hostHeader.isBlank()) {
      throw new ApiError(400, "the Host header is missing");
    }
    String host = withoutPort(hostHeader.strip()).toLowerCase(Locale.ROOT);
    if (names.contains(host)) {
      return;
    }
    if (IPV4.matcher(host).matches() || IPV6.matcher(host).matches()) {
      try {
        // a literal: getByName parses it without any lookup
        InetAddress a = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        if (a.isLoopbackAddress() || a.equals(local)) {
          return;
        }
      } catch (UnknownHostException e) {
        // not an address after all: refused below
      }
    }
    throw new ApiError(421, "Host '" + PrintableText.escape(hostHeader, false) + "' is not served here; this server "
        + "answers to " + String.join(", ", names) + " and the loopback addresses (add names with --allow-host)");
  }

  private static String withoutPort(String host) {
    int colon = host.lastIndexOf(':');
    boolean bracketed = host.startsWith("[");
    if (colon < 0 || (bracketed && colon < host.indexOf(']'))) {
      return host;
    }
    if (!bracketed && host.indexOf(':') != colon) {
      return host; // an unbracketed IPv6 address: not a valid Host, refused as given
    }
    return host.substring(0, colon);
  }
}
