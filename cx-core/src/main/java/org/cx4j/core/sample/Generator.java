package org.cx4j.core.sample;

import static org.cx4j.core.sample.LarkspurHome.APP_BROWSE;
import static org.cx4j.core.sample.LarkspurHome.APP_CHECKOUT;
import static org.cx4j.core.sample.LarkspurHome.APP_ONBOARDING;
import static org.cx4j.core.sample.LarkspurHome.CHECKOUT_PAYMENT;
import static org.cx4j.core.sample.LarkspurHome.CLICK_COLLECT;
import static org.cx4j.core.sample.LarkspurHome.DELIVERY_EMAIL;
import static org.cx4j.core.sample.LarkspurHome.PHONE_ORDER;
import static org.cx4j.core.sample.LarkspurHome.PRESALES_CHAT;
import static org.cx4j.core.sample.LarkspurHome.PRODUCT_PAGE;
import static org.cx4j.core.sample.LarkspurHome.REFERRAL_INVITE;
import static org.cx4j.core.sample.LarkspurHome.REFER_FRIEND;
import static org.cx4j.core.sample.LarkspurHome.RETURNS_PORTAL;
import static org.cx4j.core.sample.LarkspurHome.REVIEW_POST;
import static org.cx4j.core.sample.LarkspurHome.REVIEW_SITE;
import static org.cx4j.core.sample.LarkspurHome.SEARCH_AD;
import static org.cx4j.core.sample.LarkspurHome.SOCIAL_AD;
import static org.cx4j.core.sample.LarkspurHome.STORE_SHOWROOM;
import static org.cx4j.core.sample.LarkspurHome.STORE_TILL;
import static org.cx4j.core.sample.LarkspurHome.STORE_WINDOW;
import static org.cx4j.core.sample.LarkspurHome.SUPPORT_CHAT;
import static org.cx4j.core.sample.LarkspurHome.SUPPORT_HOTLINE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.transaction.Transaction;

/**
 * Simulates the sample data set; the generative model is documented on {@link SampleData}.
 *
 * <p>Each customer is simulated from its own {@code SplittableRandom}, split in customer order from
 * one seeded root, so a customer's story depends only on the seed and its position. All times are
 * whole seconds since the window start; events at or after the window end are dropped
 * (right-censoring, as in any real extract).
 */
final class Generator {

  static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);
  static final Instant START = FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
  static final Instant END = LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

  private static final long DAY = 86_400;
  private static final long HORIZON = END.getEpochSecond() - START.getEpochSecond();

  // Segment-indexed parameters: business, members, new consumers, established consumers.
  private static final int BUSINESS = 0;
  private static final int MEMBERS = 1;
  private static final int NEW = 2;
  private static final double[] SEGMENT_MIX = {0.10, 0.25, 0.30, 0.35};
  private static final double[] BASE_SATISFACTION = {0.0, 0.35, 0.0, 0.1};
  private static final double[] PURCHASE_P = {0.70, 0.65, 0.50, 0.55};
  private static final double[] PURCHASES_PER_30_DAYS = {1.2, 0.7, 0.30, 0.35};
  private static final double[] MEAN_SPEND = {420, 115, 70, 85};
  private static final double[] MEAN_CHURN = {0.08, 0.10, 0.25, 0.15};
  private static final double[] NPS_RESPONSE_RATE = {0.55, 0.45, 0.30, 0.35};

  /** Preferred channel weights over {@link #PREFERRED}, per segment. */
  private static final double[][] PREFERENCE = {
    {0.50, 0.10, 0.10, 0.30},
    {0.40, 0.40, 0.20, 0.00},
    {0.45, 0.30, 0.25, 0.00},
    {0.45, 0.25, 0.30, 0.00}
  };

  // Channels as small ints; only the simulation uses them.
  private static final int WEB = 0;
  private static final int APP = 1;
  private static final int STORE = 2;
  private static final int PHONE = 3;
  private static final int CHAT = 4;
  private static final int SOCIAL = 5;
  private static final int[] PREFERRED = {WEB, APP, STORE, PHONE};
  private static final Touchpoint[] CONSIDER_AT = {
    PRODUCT_PAGE, APP_BROWSE, STORE_SHOWROOM, PRODUCT_PAGE, PRESALES_CHAT, REVIEW_SITE
  };
  private static final double[] SWITCH_TO = {0.30, 0.25, 0.15, 0.0, 0.15, 0.15};

  private static final String[] COUNTRIES = {"US", "CA", "GB", "IE"};
  private static final double[] COUNTRY_MIX = {0.55, 0.15, 0.20, 0.10};

  static final Outcome RESOLVED = Outcome.of("resolved");
  static final Outcome ESCALATED = Outcome.of("escalated");

  private final long seed;
  private final int size;
  private final String idFormat;
  private final String[] segmentNames;

  private final List<Customer> customers = new ArrayList<>();
  private final List<Interaction> interactions = new ArrayList<>();
  private final List<SurveyResponse> responses = new ArrayList<>();
  private final List<Transaction> transactions = new ArrayList<>();
  // Relationship-NPS responses get post-stratification weights once all customers exist.
  private final List<Integer> npsIndex = new ArrayList<>();
  private final List<Integer> npsSegment = new ArrayList<>();
  private final long[] purchasersBySegment = new long[SEGMENT_MIX.length];

  Generator(long seed, int size) {
    this.seed = seed;
    this.size = size;
    this.idFormat = "C%0" + Math.max(5, Integer.toString(size).length()) + "d";
    this.segmentNames = LarkspurHome.SEGMENTATION.names().toArray(new String[0]);
  }

  SampleData run() {
    SplittableRandom root = new SplittableRandom(seed);
    for (int i = 0; i < size; i++) {
      new Sim(CustomerId.of(String.format(idFormat, i + 1)), new Draws(root.split())).run();
    }
    poststratify();
    return new SampleData(
        seed,
        customers,
        LarkspurHome.CATALOG,
        LarkspurHome.SEGMENTATION,
        sortByTime(interactions, i -> i.timestamp().getEpochSecond()),
        sortByTime(responses, r -> r.timestamp().getEpochSecond()),
        sortByTime(transactions, t -> t.timestamp().getEpochSecond()),
        START,
        END);
  }

  /**
   * Returns {@code items} sorted by time, then by customer, then in generation order.
   *
   * <p>Items were generated customer by customer, so their position already orders customers and
   * events; sorting the packed primitive keys {@code seconds << 32 | position} (epoch seconds of
   * this window fit in 31 bits) therefore gives that order without a comparator chain, which
   * dominated the generation time.
   */
  private static <T> List<T> sortByTime(List<T> items, ToLongFunction<T> epochSeconds) {
    long[] keys = new long[items.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = epochSeconds.applyAsLong(items.get(i)) << 32 | i;
    }
    Arrays.sort(keys);
    List<T> sorted = new ArrayList<>(keys.length);
    for (long key : keys) {
      sorted.add(items.get((int) key));
    }
    return sorted;
  }

  /**
   * Weights relationship-NPS responses so that each segment counts with its share of purchasers:
   * {@code w_s = (N_s / N) / (n_s / n)}, N purchasers and n respondents (by segment s).
   */
  private void poststratify() {
    long[] respondents = new long[SEGMENT_MIX.length];
    for (int s : npsSegment) {
      respondents[s]++;
    }
    long population = Arrays.stream(purchasersBySegment).sum();
    long n = npsIndex.size();
    for (int k = 0; k < npsIndex.size(); k++) {
      int s = npsSegment.get(k);
      double w = ((double) purchasersBySegment[s] / population) / ((double) respondents[s] / n);
      w = Math.round(w * 10_000) / 10_000.0;
      SurveyResponse r = responses.get(npsIndex.get(k));
      responses.set(
          npsIndex.get(k),
          new SurveyResponse(
              r.customer(),
              r.touchpoint(),
              r.instrument(),
              r.score(),
              r.timestamp(),
              w,
              r.comment()));
    }
  }

  /** One customer's simulation. */
  private final class Sim {
    private final CustomerId id;
    private final Draws d;
    private final int segment;
    private final String journeyId;
    private final double baseSatisfaction;
    // Experience shocks to the latent satisfaction, as (time, delta) pairs.
    private long[] shockTimes = new long[8];
    private double[] shocks = new double[8];
    private String[] topics = new String[8];
    private int shockCount;
    private final List<PendingSurvey> pending = new ArrayList<>();

    Sim(CustomerId id, Draws d) {
      this.id = id;
      this.d = d;
      this.segment = d.choose(SEGMENT_MIX);
      this.journeyId = id + "-j1";
      this.baseSatisfaction = d.normal(BASE_SATISFACTION[segment], 0.8);
    }

    private void journey() {
      int preferred = PREFERRED[d.choose(PREFERENCE[segment])];
      int startDay = d.below(335);
      long t = startDay * DAY + 7 * 3600 + d.below(15 * 3600);
      addCustomer(startDay);

      // Awareness: where the customer first meets the company this year.
      double[] awareness = {0.35, 0.35, 0.10, preferred == STORE ? 0.45 : 0.15};
      Touchpoint first =
          new Touchpoint[] {SEARCH_AD, SOCIAL_AD, REFERRAL_INVITE, STORE_WINDOW}
              [d.choose(awareness)];
      emit(first, t, null, Map.of());
      boolean referred = first == REFERRAL_INVITE;

      // Consideration: one to three visits, sometimes switching channel.
      if (!d.chance(referred ? 0.85 : segment == BUSINESS ? 0.78 : 0.68)) {
        return;
      }
      int channel = preferred == PHONE ? WEB : preferred;
      int visits = d.chance(0.5) ? (d.chance(0.4) ? 3 : 2) : 1;
      t += gap(2.5);
      for (int v = 0; v < visits; v++) {
        if (v > 0) {
          t += gap(1.0);
        }
        if (d.chance(0.25)) {
          double[] w = SWITCH_TO.clone();
          w[channel] = 0;
          channel = d.choose(w);
        }
        Touchpoint tp = CONSIDER_AT[channel];
        emit(tp, t, null, Map.of());
        if (tp == PRESALES_CHAT) {
          shock(t, 0.1, null);
        }
      }

      // Purchase: satisfaction and referral raise the odds; web payment is the weak spot.
      double p = PURCHASE_P[segment] + 0.08 * satisfaction(t) + (referred ? 0.10 : 0.0);
      if (!d.chance(clamp(p, 0.05, 0.95))) {
        return;
      }
      t += gap(1.5);
      Touchpoint checkout;
      if (preferred == PHONE && d.chance(0.6)) {
        checkout = PHONE_ORDER;
      } else if (channel == APP) {
        checkout = APP_CHECKOUT;
      } else if (channel == STORE) {
        checkout = STORE_TILL;
      } else {
        checkout = CHECKOUT_PAYMENT;
      }
      boolean declined = false;
      for (int attempt = 1; ; attempt++) {
        boolean fails = d.chance(checkout == CHECKOUT_PAYMENT ? 0.30 : 0.04);
        if (!fails) {
          emit(checkout, t, Outcome.CONVERTED, Map.of());
          break;
        }
        declined |= checkout == CHECKOUT_PAYMENT;
        shock(t, checkout == CHECKOUT_PAYMENT ? -0.9 : -0.3, "payment");
        Map<String, String> failure = Map.of("payment", "declined");
        boolean retry = attempt < 3 && d.chance(checkout == CHECKOUT_PAYMENT ? 0.55 : 0.30);
        if (!retry) {
          emit(checkout, t, Outcome.ABANDONED, failure);
          if (checkout == CHECKOUT_PAYMENT && d.chance(0.30)) {
            survey(Instrument.ces(), checkout, t + gap(0.3), -1.5);
          }
          return;
        }
        emit(checkout, t, null, failure);
        t += gap(0.1);
        if (checkout == CHECKOUT_PAYMENT) {
          // Channel switching after a declined card: web -> app or phone, or try again.
          checkout =
              new Touchpoint[] {APP_CHECKOUT, PHONE_ORDER, CHECKOUT_PAYMENT}
                  [d.choose(new double[] {0.45, 0.25, 0.30})];
        }
      }
      purchased(t, checkout, declined);
    }

    /** Runs the customer's story, then scores its surveys against the complete experience. */
    void run() {
      journey();
      scoreSurveys();
    }

    private void purchased(long tp, Touchpoint checkout, boolean declined) {
      if (tp >= HORIZON) {
        return; // bought after the window: nothing of it is observed
      }
      purchasersBySegment[segment]++;
      if (d.chance(0.30)) {
        survey(Instrument.csat(), checkout, tp + gap(0.5), declined ? -0.6 : 0.1);
      }
      if (d.chance(0.20)) {
        survey(Instrument.ces(), checkout, tp + gap(0.5), declined ? -1.3 : 0.2);
      }

      // Fulfilment.
      boolean late = false;
      if (checkout != STORE_TILL) {
        if (d.chance(0.30)) {
          long t = tp + DAY / 2 + gap(1.0);
          emit(CLICK_COLLECT, t, null, Map.of());
          shock(t, 0.6, "collect");
        } else {
          long t = tp + DAY + gap(1.5);
          late = d.chance(0.15);
          emit(DELIVERY_EMAIL, t, null, Map.of("delivery", late ? "late" : "on_time"));
          shock(t, late ? -0.4 : 0.05, late ? "delivery" : null);
        }
      }
      if (d.chance(checkout == APP_CHECKOUT ? 0.70 : 0.15)) {
        long t = tp + gap(3.0);
        emit(APP_ONBOARDING, t, null, Map.of());
        shock(t, 0.1, null);
      }

      // Support: more likely after a declined payment or a late delivery.
      if (d.chance(0.22 + (declined ? 0.20 : 0.0) + (late ? 0.25 : 0.0))) {
        long t = tp + gap(12.0);
        if (d.chance(segment == BUSINESS ? 0.70 : 0.50)) {
          hotline(t);
        } else {
          chat(t);
        }
      }

      // Returns: the portal takes many steps; some give up and call.
      if (d.chance(0.12)) {
        long t = tp + 2 * DAY + gap(14.0);
        emit(RETURNS_PORTAL, t, null, Map.of());
        shock(t, -0.6, "returns");
        if (d.chance(0.50)) {
          survey(Instrument.ces(), RETURNS_PORTAL, t + gap(0.5), -1.4);
        }
        if (d.chance(0.20)) {
          survey(Instrument.csat(), RETURNS_PORTAL, t + gap(0.5), -0.5);
        }
        if (d.chance(0.30)) {
          hotline(t + gap(1.0));
        }
      }

      // Relationship NPS one to two months after the first purchase (weighted later).
      if (d.chance(NPS_RESPONSE_RATE[segment])) {
        survey(Instrument.nps(), null, tp + 30 * DAY + d.below(30 * (int) DAY), 0.0);
      }

      // Advocacy: happy customers review and refer; very unhappy ones post bad reviews.
      long ta = tp + 20 * DAY + gap(20.0);
      double za = satisfaction(ta);
      if (za > 0.6 && d.chance(0.35)) {
        if (d.chance(0.5)) {
          emit(REVIEW_POST, ta, null, Map.of("stars", za > 1.2 ? "5" : "4"));
        } else {
          emit(REFER_FRIEND, ta, null, Map.of());
        }
      } else if (za < -0.8 && d.chance(0.25)) {
        emit(REVIEW_POST, ta, null, Map.of("stars", za < -1.5 ? "1" : "2"));
      }

      transactions(tp);
    }

    /** The painful hotline: long, log-normal waits; long waits make callers hang up. */
    private void hotline(long t) {
      double wait = d.logNormal(14.0, 0.6);
      boolean hungUp = wait > 25 && d.chance(0.6);
      emit(
          SUPPORT_HOTLINE,
          t,
          hungUp ? Outcome.ABANDONED : RESOLVED,
          Map.of("wait_minutes", Long.toString(Math.round(wait))));
      shock(t, -0.3 - 0.035 * Math.min(wait, 60) - (hungUp ? 0.5 : 0.0), "hotline");
      if (!hungUp || d.chance(0.3)) {
        supportSurveys(SUPPORT_HOTLINE, t + gap(0.2), -0.2, -0.6 - 0.02 * Math.min(wait, 60));
      }
      if (hungUp && d.chance(0.5)) {
        chat(t + gap(0.1)); // phone -> chat
      }
    }

    /** The delightful chat: short waits, nearly always resolved. */
    private void chat(long t) {
      double wait = d.logNormal(1.5, 0.5);
      boolean resolved = d.chance(0.92);
      emit(
          SUPPORT_CHAT,
          t,
          resolved ? RESOLVED : ESCALATED,
          Map.of("wait_minutes", Long.toString(Math.round(wait))));
      shock(t, resolved ? 0.6 : -0.3, resolved ? "chat" : null);
      supportSurveys(SUPPORT_CHAT, t + gap(0.1), resolved ? 0.3 : -0.3, resolved ? 0.5 : -0.5);
      if (!resolved && d.chance(0.7)) {
        hotline(t + gap(0.5)); // chat -> phone
      }
    }

    private void supportSurveys(Touchpoint tp, long t, double csatEffect, double cesEffect) {
      if (d.chance(0.45)) {
        survey(Instrument.csat(), tp, t, csatEffect);
      }
      if (d.chance(0.45)) {
        survey(Instrument.ces(), tp, t, cesEffect);
      }
      if (d.chance(0.25)) {
        survey(Instrument.nps(), tp, t, 0.5 * csatEffect);
      }
    }

    /**
     * Repeat purchases, BG/NBD-style: Poisson purchases at a gamma-distributed rate while alive;
     * after each purchase the customer churns with a beta-distributed probability that falls as
     * satisfaction rises. Amounts are gamma-gamma: a gamma per-customer mean spend and gamma
     * amounts around it.
     */
    private void transactions(long tp) {
      double ratePerDay = d.gamma(1.5, PURCHASES_PER_30_DAYS[segment] / 30.0);
      double m = MEAN_CHURN[segment];
      double churn = d.beta(1.5, 1.5 * (1 - m) / m);
      double meanSpend = d.gamma(3.0, MEAN_SPEND[segment]);
      long t = tp;
      for (int k = 1; t < HORIZON; k++) {
        double amount = Math.max(1.0, Math.round(d.gamma(4.0, meanSpend) * 100) / 100.0);
        int quantity = d.chance(0.35) ? 2 + d.below(3) : 1;
        transactions.add(
            new Transaction(id, START.plusSeconds(t), amount, quantity, id + "-t" + k));
        if (d.chance(clamp(churn * StrictMath.exp(-0.6 * satisfaction(t)), 0.0, 0.95))) {
          return;
        }
        t += Math.max(3600, gap(1.0 / Math.max(ratePerDay, 1e-4)));
      }
    }

    private void addCustomer(int startDay) {
      String plan;
      boolean newThisYear;
      switch (segment) {
        case BUSINESS:
          plan = LarkspurHome.PLAN_BUSINESS;
          newThisYear = d.chance(0.2);
          break;
        case MEMBERS:
          plan = d.chance(0.3) ? LarkspurHome.PLAN_PLUS_ANNUAL : LarkspurHome.PLAN_PLUS;
          newThisYear = d.chance(0.3);
          break;
        case NEW:
          plan = LarkspurHome.PLAN_STANDARD;
          newThisYear = true;
          break;
        default:
          plan = LarkspurHome.PLAN_STANDARD;
          newThisYear = false;
          break;
      }
      // Signed up on the first contact this year, or on a day in 2019..2024.
      LocalDate signup =
          newThisYear
              ? FIRST_DAY.plusDays(startDay)
              : LocalDate.of(2019, 1, 1).plusDays(d.below(2191));
      Customer c = new Customer(id, signup, COUNTRIES[d.choose(COUNTRY_MIX)], plan, Map.of());
      if (!LarkspurHome.SEGMENTATION.assign(c).equals(segmentNames[segment])) {
        throw new IllegalStateException(
            "sample customer "
                + c
                + " was drawn for segment "
                + segmentNames[segment]
                + " but the segment rules put it in "
                + LarkspurHome.SEGMENTATION.assign(c));
      }
      customers.add(c);
    }

    private void emit(Touchpoint tp, long t, Outcome outcome, Map<String, String> attributes) {
      if (t < HORIZON) {
        interactions.add(
            new Interaction(id, tp, START.plusSeconds(t), outcome, journeyId, attributes));
      }
    }

    /**
     * Schedules a survey answer about {@code tp} (null: the relationship survey) at time t, with a
     * {@code local} shift of the latent satisfaction for what happened at that touchpoint. Scored
     * only in {@link #scoreSurveys()}, once every experience of the customer is known.
     */
    private void survey(Instrument instrument, Touchpoint tp, long t, double local) {
      if (t < HORIZON) {
        pending.add(new PendingSurvey(instrument, tp, t, local));
      }
    }

    private void scoreSurveys() {
      for (PendingSurvey p : pending) {
        double z = satisfaction(p.time) + p.local;
        double x;
        switch (p.instrument.kind()) {
          case NPS:
            x = d.normal(7.7 + 1.4 * z, 1.3);
            break;
          case CSAT:
            x = d.normal(3.9 + 0.65 * z, 0.6);
            break;
          default:
            x = d.normal(5.2 + 0.9 * z, 0.8);
            break;
        }
        Instrument in = p.instrument;
        int score = (int) clamp(Math.round(x), in.scale().min(), in.scale().max());
        responses.add(
            new SurveyResponse(
                id,
                p.touchpoint,
                in,
                score,
                START.plusSeconds(p.time),
                1.0,
                comment(in, p.touchpoint, score, p.time)));
        if (p.touchpoint == null) {
          npsIndex.add(responses.size() - 1);
          npsSegment.add(segment);
        }
      }
    }

    private String comment(Instrument instrument, Touchpoint tp, int score, long t) {
      int min = instrument.scale().min();
      int max = instrument.scale().max();
      double position = (double) (score - min) / (max - min);
      boolean extreme = position <= 0.25 || position >= 0.99;
      if (!d.chance(extreme ? 0.30 : 0.12)) {
        return null;
      }
      String topic;
      if (position < 0.5) {
        topic = tp == null ? strongest(t, -1, "bad") : negativeTopic(tp);
      } else if (position >= 0.75) {
        topic = tp == null ? strongest(t, +1, "good") : positiveTopic(tp);
      } else {
        topic = "meh";
      }
      String[] bank = Comments.of(topic);
      return bank[d.below(bank.length)];
    }

    private String negativeTopic(Touchpoint tp) {
      if (tp == CHECKOUT_PAYMENT) {
        return "payment";
      } else if (tp == SUPPORT_HOTLINE) {
        return "hotline";
      } else if (tp == RETURNS_PORTAL) {
        return "returns";
      }
      return "bad";
    }

    private String positiveTopic(Touchpoint tp) {
      return tp == SUPPORT_CHAT ? "chat" : "good";
    }

    /** Records an experience that moves the latent satisfaction by {@code delta} from time t. */
    private void shock(long t, double delta, String topic) {
      if (shockCount == shockTimes.length) {
        shockTimes = Arrays.copyOf(shockTimes, 2 * shockCount);
        shocks = Arrays.copyOf(shocks, 2 * shockCount);
        topics = Arrays.copyOf(topics, 2 * shockCount);
      }
      shockTimes[shockCount] = t;
      topics[shockCount] = topic;
      shocks[shockCount++] = delta;
    }

    /**
     * Returns the topic of the strongest shock up to time t in the direction {@code sign}, for the
     * comment on a relationship survey, or {@code otherwise}.
     */
    private String strongest(long t, int sign, String otherwise) {
      String topic = otherwise;
      double strongest = 0;
      for (int i = 0; i < shockCount; i++) {
        if (shockTimes[i] <= t && topics[i] != null && sign * shocks[i] > strongest) {
          strongest = sign * shocks[i];
          topic = topics[i];
        }
      }
      return topic;
    }

    /** Returns the latent satisfaction at time t: the base plus every earlier shock. */
    private double satisfaction(long t) {
      double z = baseSatisfaction;
      for (int i = 0; i < shockCount; i++) {
        if (shockTimes[i] <= t) {
          z += shocks[i];
        }
      }
      return z;
    }

    /** Returns an exponential gap with the given mean in days, in whole seconds (at least 60). */
    private long gap(double meanDays) {
      return Math.max(60, (long) (d.exponential(meanDays) * DAY));
    }
  }

  /** A survey answer waiting to be scored. */
  private record PendingSurvey(
      Instrument instrument, Touchpoint touchpoint, long time, double local) {}

  private static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}
