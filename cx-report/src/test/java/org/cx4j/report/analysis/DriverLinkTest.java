package org.cx4j.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.journey.log.InteractionLog;
import org.cx4j.metrics.driver.DriverImportance;
import org.cx4j.report.input.ReportInput;
import org.junit.jupiter.api.Test;

class DriverLinkTest {

  // The driver section links each NPS response to its customer's interactions at or before the
  // response (bit rows, a hash prefilter, contiguous events). The oracle: a plain scan of the
  // log per customer id string, and Pearson's r from its definition.
  @Test
  void linkedRespondentsAndExposureMatchAPlainScan() {
    ReportInput in = ReportInput.sample();
    CxReport report = CxReport.of(in);
    DriverSection d = report.drivers().orElseThrow();
    InteractionLog log = in.interactions();
    Map<String, List<Interaction>> byCustomer = new HashMap<>();
    for (int i = 0; i < log.size(); i++) {
      Interaction x = log.interaction(i);
      byCustomer.computeIfAbsent(x.customer().value(), k -> new ArrayList<>()).add(x);
    }
    List<SurveyResponse> nps = new ArrayList<>();
    for (SurveyResponse r : in.responses()) {
      if (r.instrument().kind() == Instrument.Kind.NPS
          && byCustomer.containsKey(r.customer().value())) {
        nps.add(r);
      }
    }
    assertEquals(nps.size(), d.drivers().respondents());
    assertTrue(d.drivers().drivers().size() >= 2);
    for (DriverImportance driver : d.drivers().drivers()) {
      double[] x = new double[nps.size()];
      double[] y = new double[nps.size()];
      for (int k = 0; k < nps.size(); k++) {
        SurveyResponse r = nps.get(k);
        y[k] = r.score();
        for (Interaction i : byCustomer.get(r.customer().value())) {
          if (i.touchpoint().id().equals(driver.name()) && !i.timestamp().isAfter(r.timestamp())) {
            x[k] = 1;
          }
        }
      }
      assertEquals(pearson(x, y), driver.pearson(), 1e-9, driver.name());
    }
  }

  static double pearson(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
