// The check every configuration record runs on itself: a false condition is an IllegalArgumentException with the reason.
package dev.reason2decide.train;

/** Shared by the configuration records of training, which check their own values in their constructors. */
final class SettingCheck {
  private SettingCheck() {}

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
