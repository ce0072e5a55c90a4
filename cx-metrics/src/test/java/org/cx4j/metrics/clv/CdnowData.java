package org.cx4j.metrics.clv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cx4j.core.testing.SharedDatasets;

/**
 * The CDNOW 1/10th cohort as summarised by Fader, Hardie and Lee (2005): {@code
 * cdnow_customers_summary_with_transactions.csv} (ID, x, t_x, T, zbar), weeks. Tests skip where
 * {@code ../shared/datasets} is absent.
 */
final class CdnowData {

  static final String SUMMARY = "cdnow/cdnow_customers_summary_with_transactions.csv";

  final int[] x;
  final double[] tx;
  final double[] t;
  final double[] zbar;

  private CdnowData(int[] x, double[] tx, double[] t, double[] zbar) {
    this.x = x;
    this.tx = tx;
    this.t = t;
    this.zbar = zbar;
  }

  static CdnowData load() {
    Path p = SharedDatasets.require(SUMMARY);
    try {
      List<String> lines = Files.readAllLines(p);
      int n = lines.size() - 1;
      int[] x = new int[n];
      double[] tx = new double[n];
      double[] t = new double[n];
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        String[] f = lines.get(i + 1).trim().split(",");
        x[i] = Integer.parseInt(f[1]);
        tx[i] = Double.parseDouble(f[2]);
        t[i] = Double.parseDouble(f[3]);
        z[i] = Double.parseDouble(f[4]);
      }
      return new CdnowData(x, tx, t, z);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RepeatPurchaseData data() {
    return RepeatPurchaseData.of(x, tx, t);
  }
}
