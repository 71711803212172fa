package io.imagegate.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the container harnesses share: a free loopback port, waiting for one, stopping a JVM. */
final class ServerProcess {
  private ServerProcess() {}

  /** A port nothing listens on right now, on 127.0.0.1. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until something accepts connections on {@code port}, failing with the server's log when
   * the process exits first or the timeout passes.
   */
  static void awaitAnswer(
      Process process, int port, Duration timeout, String name, Supplier<String> log) {
    Instant deadline = Instant.now().plus(timeout);
    while (!answers(port)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start-up:\n" + log.get());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(name + " did not answer in " + timeout + ":\n" + log.get());
      }
      sleep(100);
    }
  }

  /** SIGTERM (the server's shutdown hook stops it cleanly), then force; children too. */
  static void stop(Process process) {
    if (process == null || !process.isAlive()) {
      return;
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
