package org.cx4j.core.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.customer.Segment;
import org.cx4j.core.customer.SegmentRule;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.json.CxJson;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

/**
 * Tests of the sample data: reproducibility, sizes, and the statistical properties the generative
 * model documented on {@link SampleData} promises. Bounds are generous (several standard errors,
 * derived in the comments from the model's parameters), so the tests check direction and rough
 * size, not the exact draws.
 */
class SampleDataTest {

  private static final SampleData STANDARD = SampleData.standard();
  private static final int N = SampleData.DEFAULT_CUSTOMERS;

  @Test
  void sameSeedGivesIdenticalData() {
    SampleData a = SampleData.generate(7, 800);
    SampleData b = SampleData.generate(7, 800);
    assertEquals(a.customers(), b.customers());
    assertEquals(a.interactions(), b.interactions());
    assertEquals(a.responses(), b.responses());
    assertEquals(a.transactions(), b.transactions());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
  }

  @Test
  void standardIsGeneratedOnceAndEqualsTheDefault() {
    assertSame(STANDARD, SampleData.standard());
    assertEquals(SampleData.generate(), STANDARD);
    assertEquals(SampleData.DEFAULT_SEED, STANDARD.seed());
  }

  @Test
  void differentSeedGivesDifferentData() {
    SampleData a = SampleData.generate(7, 800);
    SampleData b = SampleData.generate(8, 800);
    assertNotEquals(a, b);
    assertNotEquals(a.interactions(), b.interactions());
    assertNotEquals(a.responses(), b.responses());
    assertNotEquals(a.transactions(), b.transactions());
  }

  @Test
  void rejectsCustomerCountsOutsideTheLimits() {
    for (int bad : new int[] {0, -1, SampleData.MAX_CUSTOMERS + 1}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> SampleData.generate(1, bad));
      assertTrue(e.getMessage().contains("customers"), e.getMessage());
      assertTrue(e.getMessage().contains(Integer.toString(bad)), e.getMessage());
      assertTrue(e.getMessage().contains(Integer.toString(SampleData.MAX_CUSTOMERS)));
    }
  }

  @Test
  void oneCustomerIsEnough() {
    SampleData one = SampleData.generate(3, 1);
    assertEquals(1, one.customers().size());
    assertEquals("C00001", one.customers().get(0).id().value());
    assertTrue(one.interactions().size() >= 1, "every customer has an awareness touch");
  }

  @Test
  void toStringIsAOneLineSummary() {
    String s = SampleData.generate(7, 800).toString();
    assertTrue(
        s.startsWith(
            "SampleData[Larkspur Home, seed 7, 2025-01-01..2025-12-31: 800 customers in 4"
                + " segments, 21 touchpoints, "),
        s);
    assertTrue(s.endsWith(" transactions]"), s);
    assertTrue(s.length() < 200 && !s.contains("\n"), s);
  }

  @Test
  void windowIsCalendarYear2025() {
    assertEquals(Instant.parse("2025-01-01T00:00:00Z"), STANDARD.start());
    assertEquals(Instant.parse("2026-01-01T00:00:00Z"), STANDARD.end());
    assertEquals("2025-12-31", STANDARD.lastDay().toString());
    // Journeys start uniformly over the first 335 days, so the data span nearly all the year.
    Instant first = STANDARD.interactions().get(0).timestamp();
    Instant last = STANDARD.interactions().get(STANDARD.interactions().size() - 1).timestamp();
    assertTrue(first.isBefore(STANDARD.start().plus(7, ChronoUnit.DAYS)), first.toString());
    assertTrue(last.isAfter(STANDARD.end().minus(30, ChronoUnit.DAYS)), last.toString());
  }

  @Test
  void catalogCoversEveryStandardChannelAndStage() {
    List<Touchpoint> tps = STANDARD.catalog().touchpoints();
    assertTrue(tps.size() >= 15 && tps.size() <= 25, "touchpoints: " + tps.size());
    Set<Channel> channels = new HashSet<>();
    Set<JourneyStage> stages = new HashSet<>();
    for (Touchpoint t : tps) {
      channels.add(t.channel());
      stages.add(t.stage());
    }
    assertEquals(Set.copyOf(Channel.STANDARD), channels);
    assertEquals(Set.copyOf(StageModel.DEFAULT.stages()), stages);
    assertEquals(StageModel.DEFAULT, STANDARD.catalog().stages());
    for (String id : SampleData.PAINFUL_TOUCHPOINTS) {
      STANDARD.catalog().get(id);
    }
    for (String id : SampleData.DELIGHTFUL_TOUCHPOINTS) {
      STANDARD.catalog().get(id);
    }
  }

  @Test
  void segmentsAreDeclarativeAndSerializable() throws Exception {
    Segmentation seg = STANDARD.segmentation();
    assertEquals(
        List.of("business", "members", "new_consumers", "established_consumers"), seg.names());
    for (Segment s : seg.segments()) {
      assertTrue(
          s.rule() instanceof SegmentRule.Equals
              || s.rule() instanceof SegmentRule.In
              || s.rule() instanceof SegmentRule.Range,
          "declarative rule expected: " + s);
    }
    ObjectMapper json = CxJson.mapper();
    String text = json.writeValueAsString(seg);
    assertEquals(seg, json.readValue(text, Segmentation.class));
  }

  @Test
  void segmentSharesFollowTheMix() {
    // Drawn 10% / 25% / 30% / 35%; with n = 5000 the standard error of a share is at most
    // sqrt(0.35 * 0.65 / 5000) = 0.0067, so +-0.03 is more than 4 standard errors.
    Map<String, Integer> counts = new HashMap<>();
    for (Customer c : STANDARD.customers()) {
      counts.merge(STANDARD.segmentation().assign(c), 1, Integer::sum);
    }
    assertShare(0.10, counts.get("business"));
    assertShare(0.25, counts.get("members"));
    assertShare(0.30, counts.get("new_consumers"));
    assertShare(0.35, counts.get("established_consumers"));
  }

  private static void assertShare(double expected, Integer count) {
    double share = count == null ? 0 : (double) count / N;
    assertTrue(Math.abs(share - expected) < 0.03, "share " + share + ", expected " + expected);
  }

  @Test
  void countsAreWithinTheExpectedRanges() {
    assertEquals(N, STANDARD.customers().size());
    // Expected interactions per customer, from the model: 1 awareness + 0.70 * 1.7
    // consideration visits + ~0.45 checkout attempts + ~0.4 buyers * ~1.4 retention touches
    // + a few advocacy ones = about 3.3. Bounds 2.5..4.5.
    double perCustomer = (double) STANDARD.interactions().size() / N;
    assertTrue(perCustomer > 2.5 && perCustomer < 4.5, "interactions per customer " + perCustomer);
    // Buyers ~0.38 n; each answers ~0.3 + 0.2 post-purchase, ~0.4 relationship NPS, and
    // support and returns surveys: ~1.3 per buyer, ~0.5 per customer. Bounds 0.25..0.9.
    double responses = (double) STANDARD.responses().size() / N;
    assertTrue(responses > 0.25 && responses < 0.9, "responses per customer " + responses);
    // Every buyer has at least one transaction, most a few: 0.8..3 per customer.
    double transactions = (double) STANDARD.transactions().size() / N;
    assertTrue(transactions > 0.8 && transactions < 3, "transactions per customer " + transactions);
  }

  @Test
  void everySurveyScoreIsValidAndInstrumentsAreTheStandardOnes() {
    Set<Instrument> instruments = new HashSet<>();
    for (SurveyResponse r : STANDARD.responses()) {
      assertTrue(r.instrument().accepts(r.score()), r.toString());
      assertTrue(r.weight() > 0 && r.weight() < 10, r.toString());
      instruments.add(r.instrument());
    }
    assertEquals(Set.of(Instrument.nps(), Instrument.csat(), Instrument.ces()), instruments);
    long comments = STANDARD.responses().stream().filter(r -> r.comment() != null).count();
    assertTrue(comments > 0 && comments < STANDARD.responses().size() / 2, "comments " + comments);
  }

  @Test
  void relationshipNpsWeightsArePostStratified() {
    // Oracle: w_s = (N_s / N) / (n_s / n), N_s buyers (customers with a transaction) and n_s
    // relationship-NPS respondents (no touchpoint) in segment s, rounded to 4 decimals.
    Map<CustomerId, String> segmentOf = segmentOf(STANDARD);
    Map<String, Set<CustomerId>> buyers = new TreeMap<>();
    for (Transaction t : STANDARD.transactions()) {
      buyers.computeIfAbsent(segmentOf.get(t.customer()), k -> new HashSet<>()).add(t.customer());
    }
    Map<String, Integer> respondents = new TreeMap<>();
    int n = 0;
    for (SurveyResponse r : STANDARD.responses()) {
      if (r.touchpoint() == null) {
        assertEquals(Instrument.nps(), r.instrument());
        respondents.merge(segmentOf.get(r.customer()), 1, Integer::sum);
        n++;
      }
    }
    long population = buyers.values().stream().mapToLong(Set::size).sum();
    Set<Double> distinct = new TreeSet<>();
    for (SurveyResponse r : STANDARD.responses()) {
      String s = segmentOf.get(r.customer());
      if (r.touchpoint() == null) {
        double expected =
            ((double) buyers.get(s).size() / population) / ((double) respondents.get(s) / n);
        assertEquals(Math.round(expected * 10_000) / 10_000.0, r.weight(), 0.0, r.toString());
        distinct.add(r.weight());
      } else {
        assertEquals(1.0, r.weight(), 0.0, r.toString());
      }
    }
    // Response rates differ by segment, so the weights do too.
    assertEquals(4, distinct.size(), distinct.toString());
  }

  @Test
  void customersWhoHitAPainfulTouchpointAreLessLikelyToRecommend() {
    // The model shifts latent satisfaction by about -0.9 (declined payment), -1.0 on average
    // (hotline), -0.6 (returns); NPS moves 1.4 points per unit, so the expected gap in mean
    // relationship NPS is over 1 point. Require 0.5, and a lower net promoter score.
    Set<CustomerId> hurt = new HashSet<>();
    for (Interaction i : STANDARD.interactions()) {
      String id = i.touchpoint().id();
      boolean painful =
          id.equals("checkout_payment")
              ? "declined".equals(i.attributes().get("payment"))
              : SampleData.PAINFUL_TOUCHPOINTS.contains(id);
      if (painful) {
        hurt.add(i.customer());
      }
    }
    double[] sum = new double[2];
    int[] n = new int[2];
    int[] net = new int[2];
    for (SurveyResponse r : STANDARD.responses()) {
      if (r.instrument().equals(Instrument.nps()) && r.touchpoint() == null) {
        int g = hurt.contains(r.customer()) ? 1 : 0;
        sum[g] += r.score();
        n[g]++;
        net[g] += r.score() >= 9 ? 1 : r.score() <= 6 ? -1 : 0;
      }
    }
    assertTrue(n[0] > 100 && n[1] > 50, "group sizes " + n[0] + ", " + n[1]);
    double meanOk = sum[0] / n[0];
    double meanHurt = sum[1] / n[1];
    assertTrue(meanOk - meanHurt > 0.5, "mean NPS " + meanOk + " vs " + meanHurt);
    assertTrue((double) net[0] / n[0] > (double) net[1] / n[1] + 0.1, "net promoters");
  }

  @Test
  void painfulTouchpointsScoreWorseThanDelightfulOnes() {
    // CES local effects: hotline about -0.6 - 0.02 * 14 and a negative shock, returns -1.4
    // and -0.6; chat +0.5 and +0.6. At 0.9 points per unit the gap exceeds 1.5 points.
    double chat = mean(STANDARD, Instrument.ces(), "support_chat");
    assertTrue(chat - mean(STANDARD, Instrument.ces(), "support_hotline") > 1.0);
    assertTrue(chat - mean(STANDARD, Instrument.ces(), "returns_portal") > 1.0);
    // CSAT: 0.65 points per unit, gap about 0.65 * 1.4 = 0.9; require 0.4.
    assertTrue(
        mean(STANDARD, Instrument.csat(), "support_chat")
                - mean(STANDARD, Instrument.csat(), "support_hotline")
            > 0.4);
  }

  private static double mean(SampleData data, Instrument instrument, String touchpoint) {
    double sum = 0;
    int n = 0;
    for (SurveyResponse r : data.responses()) {
      if (r.instrument().equals(instrument)
          && r.touchpoint() != null
          && r.touchpoint().id().equals(touchpoint)) {
        sum += r.score();
        n++;
      }
    }
    assertTrue(n >= 30, "too few " + instrument.name() + " responses on " + touchpoint + ": " + n);
    return sum / n;
  }

  @Test
  void journeysDropOffFromAwarenessToPurchase() {
    Map<JourneyStage, Set<CustomerId>> reached = new HashMap<>();
    Set<CustomerId> converted = new HashSet<>();
    for (Interaction i : STANDARD.interactions()) {
      reached.computeIfAbsent(i.touchpoint().stage(), k -> new HashSet<>()).add(i.customer());
      if (Outcome.CONVERTED.equals(i.outcome())) {
        converted.add(i.customer());
      }
    }
    int aware = reached.get(JourneyStage.AWARENESS).size();
    int considering = reached.get(JourneyStage.CONSIDERATION).size();
    int atCheckout = reached.get(JourneyStage.PURCHASE).size();
    assertEquals(N, aware, "every journey starts with awareness");
    assertTrue(considering < aware && atCheckout < considering && converted.size() < atCheckout);
    // Model: 0.70 consider * ~0.57 try to buy * ~0.95 succeed = ~0.38. Bounds 0.25..0.55.
    double conversion = (double) converted.size() / aware;
    assertTrue(conversion > 0.25 && conversion < 0.55, "conversion " + conversion);
  }

  @Test
  void webPaymentAbandonsMoreThanAppCheckout() {
    // Declines: 30% on checkout_payment, 4% elsewhere; about half of those abandon.
    assertTrue(abandonRate("checkout_payment") > 2 * abandonRate("app_checkout"));
  }

  private static double abandonRate(String touchpoint) {
    int n = 0;
    int abandoned = 0;
    for (Interaction i : STANDARD.interactions()) {
      if (i.touchpoint().id().equals(touchpoint)) {
        n++;
        abandoned += Outcome.ABANDONED.equals(i.outcome()) ? 1 : 0;
      }
    }
    return (double) abandoned / n;
  }

  @Test
  void someJourneysSwitchChannelsAtCheckoutAndSupport() {
    // A declined web payment moves 70% of retrying customers to the app or the phone, and a
    // hung-up hotline call moves half of the callers to chat.
    Map<CustomerId, Set<Channel>> checkout = new HashMap<>();
    Map<CustomerId, Set<Channel>> retention = new HashMap<>();
    for (Interaction i : STANDARD.interactions()) {
      JourneyStage stage = i.touchpoint().stage();
      if (stage.equals(JourneyStage.PURCHASE)) {
        checkout.computeIfAbsent(i.customer(), k -> new HashSet<>()).add(i.touchpoint().channel());
      }
      if (i.touchpoint().id().startsWith("support_")) {
        retention.computeIfAbsent(i.customer(), k -> new HashSet<>()).add(i.touchpoint().channel());
      }
    }
    long switchedAtCheckout = checkout.values().stream().filter(s -> s.size() > 1).count();
    long switchedInSupport = retention.values().stream().filter(s -> s.size() > 1).count();
    assertTrue(switchedAtCheckout >= 20, "checkout switchers " + switchedAtCheckout);
    assertTrue(switchedInSupport >= 5, "support switchers " + switchedInSupport);
  }

  @Test
  void repeatPurchasersAndChurnersExist() {
    Map<CustomerId, List<Instant>> purchases = new HashMap<>();
    for (Transaction t : STANDARD.transactions()) {
      purchases.computeIfAbsent(t.customer(), k -> new java.util.ArrayList<>()).add(t.timestamp());
      assertTrue(t.amount() > 0, t.toString());
    }
    long repeat = purchases.values().stream().filter(l -> l.size() >= 2).count();
    long frequent = purchases.values().stream().filter(l -> l.size() >= 5).count();
    // Mean repeat rate >= 0.3 per 30 days and mean churn <= 0.25 per purchase: well over 20%
    // of buyers buy again, and some buy often.
    assertTrue(repeat > 0.2 * purchases.size(), "repeat buyers " + repeat);
    assertTrue(frequent > 0.02 * purchases.size(), "frequent buyers " + frequent);
    // Churned (or very slow) buyers: first purchase before April, nothing after June.
    Instant april = Instant.parse("2025-04-01T00:00:00Z");
    Instant july = Instant.parse("2025-07-01T00:00:00Z");
    long early = 0;
    long silent = 0;
    for (List<Instant> l : purchases.values()) {
      if (l.get(0).isBefore(april)) {
        early++;
        silent += l.get(l.size() - 1).isBefore(july) ? 1 : 0;
      }
    }
    assertTrue(silent > 0.1 * early && silent < 0.9 * early, silent + " of " + early);
  }

  @Test
  void businessCustomersSpendMore() {
    // Mean spend 420 for business against 70..115 for consumers.
    Map<CustomerId, String> segmentOf = segmentOf(STANDARD);
    double[] sum = new double[2];
    int[] n = new int[2];
    for (Transaction t : STANDARD.transactions()) {
      int g = segmentOf.get(t.customer()).equals("business") ? 1 : 0;
      sum[g] += t.amount();
      n[g]++;
    }
    assertTrue(sum[1] / n[1] > 2 * sum[0] / n[0], sum[1] / n[1] + " vs " + sum[0] / n[0]);
  }

  static Map<CustomerId, String> segmentOf(SampleData data) {
    Map<CustomerId, String> m = new HashMap<>();
    for (Customer c : data.customers()) {
      m.put(c.id(), data.segmentation().assign(c));
    }
    return m;
  }
}
