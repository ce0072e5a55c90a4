package org.cx4j.metrics.survival;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cx4j.core.testing.SharedDatasets;

/** Named survival data sets for the tests: the shared public files and small constructed ones. */
final class SurvivalData {

  /** Tolerance against R's printed values (they carry 15 significant digits). */
  static final double TOL = 1e-6;

  /** One column set: times, events, an integer group, optional weights and entries. */
  record Columns(double[] time, boolean[] event, int[] group) {

    Columns select(int g) {
      int n = 0;
      for (int x : group) {
        n += x == g ? 1 : 0;
      }
      double[] t = new double[n];
      boolean[] e = new boolean[n];
      int[] gg = new int[n];
      int k = 0;
      for (int i = 0; i < group.length; i++) {
        if (group[i] == g) {
          t[k] = time[i];
          e[k] = event[i];
          gg[k++] = g;
        }
      }
      return new Columns(t, e, gg);
    }
  }

  private SurvivalData() {}

  /** R's survival::aml (Rdatasets copy): time in weeks, cens 1 = relapse, group 1/2. */
  static Columns aml() throws IOException {
    return read(SharedDatasets.require("survival/aml.csv"), "time", "cens", "group");
  }

  /** R's survival::lung (lifelines copy): status 1 = dead; groups by sex (1 male, 2 female). */
  static Columns lungBySex() throws IOException {
    return read(SharedDatasets.require("survival/lifelines_lung.csv"), "time", "status", "sex");
  }

  /** Lung by ph.ecog; rows with ph.ecog missing are dropped (as R's survdiff does). */
  static Columns lungByEcog() throws IOException {
    return read(SharedDatasets.require("survival/lifelines_lung.csv"), "time", "status", "ph.ecog");
  }

  private static Columns read(Path file, String time, String event, String group)
      throws IOException {
    CsvMapper mapper = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<double[]> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(file.toFile())) {
      while (it.hasNext()) {
        Map<String, String> r = it.next();
        String g = r.get(group);
        if (g == null || g.isEmpty()) {
          continue;
        }
        rows.add(
            new double[] {
              Double.parseDouble(r.get(time)),
              Double.parseDouble(r.get(event)),
              Double.parseDouble(g)
            });
      }
    }
    double[] t = new double[rows.size()];
    boolean[] e = new boolean[rows.size()];
    int[] g = new int[rows.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = rows.get(i)[0];
      e[i] = rows.get(i)[1] == 1.0;
      g[i] = (int) rows.get(i)[2];
    }
    return new Columns(t, e, g);
  }

  /** Weighted example used with R (see KaplanMeierRTest). */
  static final double[] W_TIME = {1, 2, 2, 3, 4, 4, 5, 6, 7, 8};

  static final boolean[] W_EVENT = {true, true, false, true, true, true, false, true, false, true};
  static final double[] W_WEIGHT = {1, 2, 0.5, 1.5, 1, 3, 2, 1, 0.5, 2.5};

  /** Left-truncated example used with R (see KaplanMeierRTest). */
  static final double[] LT_START = {0, 0, 1, 2, 0, 3, 1, 0, 2, 4, 0, 5};

  static final double[] LT_STOP = {3, 5, 4, 6, 2, 8, 7, 9, 5, 10, 6, 9};
  static final boolean[] LT_EVENT = {
    true, false, true, true, true, false, true, true, false, true, true, false
  };
  static final double[] LT_WEIGHT = {1, 2, 1, 0.5, 1, 1, 3, 1, 2, 1, 1.5, 1};
}
