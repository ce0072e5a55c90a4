package org.cx4j.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Named, realistic demo data for every chart, shaped like what the report computes from the bundled
 * sample (hand-written, deterministic).
 */
final class ChartFixtures {

  private ChartFixtures() {}

  static final List<String> WEEKS =
      List.of(
          "2024-W01",
          "2024-W02",
          "2024-W03",
          "2024-W04",
          "2024-W05",
          "2024-W06",
          "2024-W07",
          "2024-W08",
          "2024-W09",
          "2024-W10",
          "2024-W11",
          "2024-W12");
  static final double NAN = Double.NaN;
  static final double[] NPS = {
    28.4, 31.0, 25.2, NAN, 33.8, 36.1, 30.5, 41.2, 38.0, 35.5, 42.7, 44.0
  };
  static final double[] NPS_LOWER = {
    18.1, 21.5, 14.0, NAN, 24.9, 27.3, 20.2, 32.8, 29.1, 26.0, 34.4, 36.2
  };
  static final double[] NPS_UPPER = {
    38.7, 40.5, 36.4, NAN, 42.7, 44.9, 40.8, 49.6, 46.9, 45.0, 51.0, 51.8
  };
  static final long[] NPS_RESPONSES = {210, 240, 180, 0, 260, 275, 230, 300, 290, 250, 320, 330};

  /** Answers per score 0..10. */
  static final long[] NPS_COUNTS = {22, 9, 14, 18, 21, 40, 66, 170, 260, 310, 290};

  static final List<String> STAGES =
      List.of("Awareness", "Consideration", "Purchase", "Onboarding", "Support");

  static List<JourneyMapChart.Node> journeyNodes() {
    List<JourneyMapChart.Node> n = new ArrayList<>();
    n.add(new JourneyMapChart.Node("ad", "Online ad", 0, 5200));
    n.add(new JourneyMapChart.Node("social", "Social media", 0, 3100));
    n.add(
        new JourneyMapChart.Node(
            "friend", "Friend referral", 0, 1800, JourneyMapChart.Mark.DELIGHT, "NPS 62"));
    n.add(new JourneyMapChart.Node("search", "Search engine", 0, 2600));
    n.add(new JourneyMapChart.Node("web", "Product pages", 1, 6900));
    n.add(new JourneyMapChart.Node("compare", "Comparison site", 1, 2100));
    n.add(new JourneyMapChart.Node("store", "Store visit", 1, 1500));
    n.add(
        new JourneyMapChart.Node(
            "chat", "Pre-sales chat", 1, 900, JourneyMapChart.Mark.PAIN_POINT, "CES 5.8"));
    n.add(
        new JourneyMapChart.Node(
            "cart", "Web checkout", 2, 4100, JourneyMapChart.Mark.PAIN_POINT, "38% abandon"));
    n.add(new JourneyMapChart.Node("app", "App purchase", 2, 1700));
    n.add(
        new JourneyMapChart.Node(
            "pos", "In-store purchase", 2, 1300, JourneyMapChart.Mark.DELIGHT, "CSAT 4.7"));
    n.add(new JourneyMapChart.Node("welcome", "Welcome e-mail", 3, 5600));
    n.add(new JourneyMapChart.Node("setup", "Account set-up", 3, 3900));
    n.add(
        new JourneyMapChart.Node(
            "tutorial", "Video tutorial", 3, 1200, JourneyMapChart.Mark.DELIGHT, "CSAT 4.8"));
    n.add(new JourneyMapChart.Node("faq", "Help centre / FAQ", 4, 2300));
    n.add(
        new JourneyMapChart.Node(
            "call",
            "Call centre",
            4,
            1600,
            JourneyMapChart.Mark.PAIN_POINT,
            "CES 6.1, wait 9 min"));
    n.add(new JourneyMapChart.Node("mail", "E-mail support", 4, 700));
    return n;
  }

  static List<JourneyMapChart.Link> journeyLinks() {
    List<JourneyMapChart.Link> l = new ArrayList<>();
    l.add(new JourneyMapChart.Link("ad", "web", 3300));
    l.add(new JourneyMapChart.Link("ad", "compare", 1100));
    l.add(new JourneyMapChart.Link("ad", "store", 400));
    l.add(new JourneyMapChart.Link("social", "web", 1900));
    l.add(new JourneyMapChart.Link("social", "compare", 500));
    l.add(new JourneyMapChart.Link("social", "chat", 300));
    l.add(new JourneyMapChart.Link("friend", "store", 900));
    l.add(new JourneyMapChart.Link("friend", "web", 700));
    l.add(new JourneyMapChart.Link("search", "web", 1000));
    l.add(new JourneyMapChart.Link("search", "compare", 500));
    l.add(new JourneyMapChart.Link("search", "chat", 600));
    l.add(new JourneyMapChart.Link("web", "cart", 3200));
    l.add(new JourneyMapChart.Link("web", "app", 1200));
    l.add(new JourneyMapChart.Link("web", "compare", 450));
    l.add(new JourneyMapChart.Link("compare", "cart", 700));
    l.add(new JourneyMapChart.Link("compare", "web", 300));
    l.add(new JourneyMapChart.Link("store", "pos", 1200));
    l.add(new JourneyMapChart.Link("chat", "cart", 200));
    l.add(new JourneyMapChart.Link("chat", "app", 300));
    l.add(new JourneyMapChart.Link("cart", "welcome", 3500));
    l.add(new JourneyMapChart.Link("cart", "setup", 400));
    l.add(new JourneyMapChart.Link("app", "setup", 1500));
    l.add(new JourneyMapChart.Link("pos", "welcome", 900));
    l.add(new JourneyMapChart.Link("pos", "setup", 300));
    l.add(new JourneyMapChart.Link("welcome", "setup", 1700));
    l.add(new JourneyMapChart.Link("welcome", "tutorial", 1000));
    l.add(new JourneyMapChart.Link("setup", "faq", 1500));
    l.add(new JourneyMapChart.Link("setup", "call", 1100));
    l.add(new JourneyMapChart.Link("tutorial", "faq", 400));
    l.add(new JourneyMapChart.Link("welcome", "mail", 500));
    l.add(new JourneyMapChart.Link("call", "setup", 350));
    l.add(new JourneyMapChart.Link("faq", "call", 420));
    l.add(new JourneyMapChart.Link("call", "call", 260));
    l.add(new JourneyMapChart.Link("mail", "call", 12));
    return l;
  }

  static final List<String> FUNNEL_STEPS =
      List.of(
          "Viewed product", "Added to cart", "Started checkout", "Entered payment", "Order placed");
  static final long[] FUNNEL_COUNTS = {48_200, 12_900, 7_400, 5_100, 4_350};

  static final List<String> COHORTS =
      List.of(
          "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08");
  static final long[] COHORT_SIZES = {1240, 980, 1410, 1105, 1320, 990, 1530, 1210};

  static double[][] retention() {
    double[][] r = new double[8][];
    for (int c = 0; c < 8; c++) {
      int observed = 8 - c;
      r[c] = new double[8];
      for (int p = 0; p < 8; p++) {
        // A typical decay curve: 100%, then about 45% and a slow decline.
        r[c][p] =
            p >= observed
                ? NAN
                : p == 0
                    ? 1.0
                    : Math.round(
                            (0.30 + 0.16 * Math.exp(-0.35 * (p - 1)) + 0.01 * ((c * 7 + p * 3) % 5))
                                * 1000)
                        / 1000.0;
      }
    }
    r[2][4] = NAN; // a missing measurement in the middle
    return r;
  }

  static SurvivalChart.Curve[] survivalCurves() {
    double[] t1 = {0, 14, 30, 45, 60, 90, 120, 150, 180, 240, 300, 365};
    double[] s1 = {1, 0.96, 0.91, 0.87, 0.84, 0.78, 0.73, 0.70, 0.66, 0.61, 0.57, 0.55};
    double[] l1 = {1, 0.94, 0.88, 0.84, 0.80, 0.74, 0.68, 0.65, 0.61, 0.55, 0.50, 0.47};
    double[] u1 = {1, 0.98, 0.94, 0.90, 0.88, 0.82, 0.78, 0.75, 0.71, 0.67, 0.64, 0.63};
    double[] t2 = {0, 10, 25, 40, 60, 80, 110, 150, 200, 260, 330};
    double[] s2 = {1, 0.92, 0.84, 0.77, 0.70, 0.63, 0.57, 0.51, 0.45, 0.41, 0.38};
    double[] l2 = {1, 0.89, 0.80, 0.72, 0.65, 0.57, 0.51, 0.45, 0.38, 0.34, 0.30};
    double[] u2 = {1, 0.95, 0.88, 0.82, 0.75, 0.69, 0.63, 0.57, 0.52, 0.48, 0.46};
    return new SurvivalChart.Curve[] {
      SurvivalChart.Curve.of("Loyalty members", t1, s1)
          .withBand(l1, u1)
          .withCensored(new double[] {70, 200, 330, 365}),
      SurvivalChart.Curve.of("Other customers", t2, s2)
          .withBand(l2, u2)
          .withCensored(new double[] {55, 170, 300})
    };
  }

  static final List<String> DRIVERS =
      List.of(
          "Delivery speed",
          "Product quality",
          "Ease of returns",
          "Price / value for money",
          "Support friendliness",
          "Website usability and search relevance on mobile devices",
          "Packaging");
  static final double[] DRIVER_WEIGHTS = {0.27, 0.22, 0.17, 0.14, 0.10, 0.07, 0.03};
  static final double[] DRIVER_LOWER = {0.21, 0.16, 0.12, 0.09, 0.06, 0.03, 0.0};
  static final double[] DRIVER_UPPER = {0.33, 0.28, 0.23, 0.19, 0.15, 0.11, 0.07};
  static final double[] DRIVER_CORRELATION = {0.52, 0.47, 0.41, 0.38, 0.30, 0.22, -0.04};

  static List<EffortImpactChart.Item> effortImpactItems() {
    return List.of(
        new EffortImpactChart.Item("Faster refunds", 2.2, 8.1, 1400),
        new EffortImpactChart.Item("Order tracking SMS", 2.8, 7.2, 900),
        new EffortImpactChart.Item("Call-back instead of queue", 3.1, 7.6, 700),
        new EffortImpactChart.Item("New mobile app", 8.4, 7.9, 2100),
        new EffortImpactChart.Item("Same-day delivery", 8.9, 8.8, 1800),
        new EffortImpactChart.Item("Rewrite FAQ", 1.8, 3.2, 300),
        new EffortImpactChart.Item("Gift wrapping", 2.5, 2.1, 120),
        new EffortImpactChart.Item("Loyalty tiers", 7.6, 3.4, 600),
        new EffortImpactChart.Item("ERP migration", 9.3, 2.4, 250),
        new EffortImpactChart.Item("Chatbot", 6.2, 4.4, 500),
        new EffortImpactChart.Item("Clearer invoices", 3.0, 6.9, 650));
  }

  static final List<String> CHANNELS =
      List.of("Paid search", "E-mail", "Social", "Display", "Direct", "Referral");
  static final List<String> MODELS =
      List.of("First touch", "Last touch", "Linear", "Markov", "Shapley");
  static final double[][] ATTRIBUTION = {
    {0.31, 0.12, 0.22, 0.18, 0.09, 0.08},
    {0.24, 0.26, 0.08, 0.04, 0.30, 0.08},
    {0.27, 0.20, 0.15, 0.10, 0.19, 0.09},
    {0.29, 0.22, 0.13, 0.07, 0.20, 0.09},
    {0.28, 0.21, 0.14, 0.08, 0.20, 0.09}
  };
}
