// How the connection watch reads the kernel's TCP table: the spelling of addresses, and which states mean "gone".
package dev.reason2decide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ClientWatchTest {
  static final String HEADER = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid"
      + "  timeout inode\n";

  @TempDir
  Path tmp;

  static InetSocketAddress at(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  static String row(String local, String remote, String state) {
    return "   0: " + local + " " + remote + " " + state + " 00000000:00000000 00:00000000 00000000  1000  0 4242 1\n";
  }

  @Test
  void addressesAreSpelledAsLinuxWritesThemOnALittleEndianMachine() throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    // 127.0.0.1 is 7F 00 00 01, printed as one 32-bit word in host order; ports 8080 = 0x1F90, 40000 = 0x9C40
    assertEquals(Set.of("0100007F:1F90 0100007F:9C40",
            "0000000000000000FFFF00000100007F:1F90 0000000000000000FFFF00000100007F:9C40"),
        ClientWatch.keys(at("127.0.0.1", 8080), at("127.0.0.1", 40000)));
    // ::1 is fifteen zero bytes and a one: the last word prints as 01000000
    assertEquals(Set.of("00000000000000000000000001000000:1F90 00000000000000000000000001000000:9C40"),
        ClientWatch.keys(at("::1", 8080), at("::1", 40000)));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aConnectionIsGoneWhenItLeavesEstablishedOrItsResetRemovesIt() throws Exception {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
    Path table = tmp.resolve("tcp");
    String closing = row("0100007F:1F90", "0100007F:9C40", "08"); // CLOSE_WAIT: the client sent its FIN
    String other = row("0100007F:1F90", "0100007F:9C41", "01");
    write(table, HEADER + row("0100007F:1F90", "0100007F:9C40", "01") + other);
    try (ClientWatch watch = new ClientWatch(List.of(table, tmp.resolve("absent")))) {
      CountDownLatch first = new CountDownLatch(1);
      CountDownLatch second = new CountDownLatch(1);
      watch.watch(at("127.0.0.1", 8080), at("127.0.0.1", 40000), first::countDown);
      watch.watch(at("127.0.0.1", 8080), at("127.0.0.1", 40001), second::countDown);
      write(table, HEADER + closing + other);
      first.await();
      assertEquals(1, second.getCount(), "an established connection is not gone");
      write(table, HEADER + closing); // a reset connection leaves the table
      second.await();
    }
  }

  /** Replaces the table at once, so that the watch never reads half of it. */
  private static void write(Path table, String text) throws Exception {
    Path next = table.resolveSibling("tcp.next");
    Files.writeString(next, text);
    Files.move(next, table, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void withoutTablesNothingIsWatched() {
    try (ClientWatch watch = new ClientWatch(List.of(tmp.resolve("no-such-table")))) {
      assertEquals(false, watch.available());
    }
  }
}
