// Starts the SparkSession of an r2d spark job: local mode unless a master is given or spark-submit set one.
package dev.reason2decide.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One place for the session settings every job needs. DJL's offline switches reach the executors through
 * {@code spark.executorEnv.*} (in local mode the executor is this JVM, where the launcher has set them already).
 */
public final class Sessions {
  /** The master used when neither {@code --master} nor spark-submit gives one. */
  public static final String DEFAULT_MASTER = "local[*]";

  private Sessions() {}

  /**
   * A session for {@code app}. {@code master} null keeps spark-submit's {@code spark.master} if there is one,
   * else runs embedded on all cores.
   */
  public static SparkSession start(String app, String master) {
    SparkSession.Builder b = SparkSession.builder().appName("r2d " + app);
    String chosen = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
    b.master(chosen);
    b.config("spark.executorEnv.DJL_OFFLINE", "true");
    b.config("spark.executorEnv.OPT_OUT_TRACKING", "true");
    // spark-submit passes --conf values as system properties: keep the user's executor options, add ours
    String opts = System.getProperty("spark.executor.extraJavaOptions", "");
    if (!opts.contains("-Dai.djl.offline=")) {
      b.config("spark.executor.extraJavaOptions", (opts + " -Dai.djl.offline=true").strip());
    }
    if (chosen.startsWith("local")) {
      // embedded runs need no web UI, and one JVM has nothing to shuffle over the network
      b.config("spark.ui.enabled", "false");
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.driver.bindAddress", "127.0.0.1");
    }
    SparkSession s = b.getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }
}
