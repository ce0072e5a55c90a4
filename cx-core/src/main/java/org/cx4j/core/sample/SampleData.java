package org.cx4j.core.sample;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.touchpoint.TouchpointCatalog;
import org.cx4j.core.transaction.Transaction;

/**
 * A realistic, reproducible customer-experience data set for a fictional company, generated in
 * memory from a seed: customers in segments, their interactions across channels and journey stages
 * over one calendar year, survey responses (NPS, CSAT, CES) that follow their experiences, and
 * transactions.
 *
 * <pre>{@code
 * SampleData s = SampleData.standard();         // seed 20250101, 5,000 customers, memoized
 * s.interactions().size();                      // sorted by time
 * SampleData small = SampleData.generate(7, 500);
 * }</pre>
 *
 * <p>The same seed and size always give equal data ({@link #equals(Object)} compares every list):
 * every draw comes from one {@link java.util.SplittableRandom} (SplitMix64, fully specified by its
 * seed) through Commons Statistics samplers; nothing depends on hash order or the clock. (The
 * samplers use {@code java.lang.Math}, which JVMs may implement one ulp apart; that could only
 * matter at a rare rounding boundary between different JVMs, never between runs on one JVM.)
 * Immutable and thread-safe.
 *
 * <h2>The company</h2>
 *
 * <p><b>{@value #COMPANY}</b> sells furniture and home goods on its website, in its app, by phone
 * and in stores. Its 21 touchpoints cover the seven standard channels and the five default stages
 * ({@link org.cx4j.core.touchpoint.StageModel#DEFAULT}):
 *
 * <table class="striped">
 *   <caption>Touchpoints by stage</caption>
 *   <tr><th>Stage</th><th>Touchpoints (channel)</th></tr>
 *   <tr><td>awareness</td><td>search_ad (web), social_ad (social), referral_invite (email),
 *       store_window (store)</td></tr>
 *   <tr><td>consideration</td><td>product_page (web), app_browse (app), review_site (social),
 *       store_showroom (store), presales_chat (chat)</td></tr>
 *   <tr><td>purchase</td><td><b>checkout_payment</b> (web), app_checkout (app), store_till
 *       (store), phone_order (phone)</td></tr>
 *   <tr><td>retention</td><td>delivery_email (email), <i>click_collect</i> (store),
 *       app_onboarding (app), <b>support_hotline</b> (phone), <i>support_chat</i> (chat),
 *       <b>returns_portal</b> (web)</td></tr>
 *   <tr><td>advocacy</td><td>review_post (social), refer_friend (email)</td></tr>
 * </table>
 *
 * <p>Bold touchpoints are the deliberately painful ones ({@link #PAINFUL_TOUCHPOINTS}), italic ones
 * the moments of delight ({@link #DELIGHTFUL_TOUCHPOINTS}).
 *
 * <h2>Customers and segments</h2>
 *
 * <p>Each customer is drawn for one of four segments (business 10%, members 25%, new consumers 30%,
 * established consumers 35%), then given attributes that the declarative rules of {@link
 * #segmentation()} map back to that segment (first match wins): {@code business := plan =
 * 'business'}; {@code members := plan in [plus, plus_annual]}; {@code new_consumers := signup_date
 * >= '2025-01-01'}; the rest are {@code established_consumers} (plan {@code standard}, signed up
 * 2019..2024). Country: US 55%, GB 20%, CA 15%, IE 10% (no effect). Ids are {@code C00001, C00002,
 * ...}.
 *
 * <p>Every customer has a latent satisfaction {@code z ~ Normal(mu_segment, 0.8)} with {@code mu =
 * 0.35} for members, {@code 0.1} for established consumers, {@code 0} otherwise. Experiences add
 * shocks to {@code z} from the moment they happen; surveys, purchase decisions, advocacy and churn
 * read {@code z} at their time.
 *
 * <h2>Journeys</h2>
 *
 * <p>One journey per customer (journey id {@code <customer>-j1}), starting on a uniform day in the
 * first 335 days of 2025 between 07:00 and 22:00 UTC. Gaps between steps are exponential (means in
 * days: 2.5 to consideration, 1 between visits, 1.5 to purchase). Each customer prefers web, app,
 * store or (business only) phone.
 *
 * <ol>
 *   <li><b>Awareness</b>: search ad 35%, social ad 35%, referral invite 10%, store window 15% (45%
 *       for store-goers).
 *   <li><b>Consideration</b> with probability 0.68 (0.78 business, 0.85 referred): one to three
 *       visits on the preferred channel; before each visit the customer switches channel with
 *       probability 0.25 (to web, app, store, chat or the review site).
 *   <li><b>Purchase</b> with probability {@code p_segment + 0.08 z (+0.10 referred)}, {@code p} =
 *       0.70 business, 0.65 members, 0.50 new, 0.55 established, on the checkout of the last
 *       channel (phone-preferring business customers order by phone 60% of the time). A successful
 *       checkout has {@link org.cx4j.core.interaction.Outcome#CONVERTED}.
 *   <li><b>Retention</b> for buyers: click &amp; collect (30% of non-store orders) or a delivery
 *       e-mail (15% late: attribute {@code delivery=late}); app onboarding (70% of app buyers, 15%
 *       of others); a support contact (22%, +20% after a declined payment, +25% after a late
 *       delivery; hotline 50%, 70% for business, else chat); a return (12%).
 *   <li><b>Advocacy</b> 20 + Exp(20) days after purchase: if {@code z > 0.6}, with probability 0.35
 *       a review ({@code stars} 4 or 5) or a referral; if {@code z < -0.8}, with probability 0.25 a
 *       bad review ({@code stars} 1 or 2).
 * </ol>
 *
 * <p>Drop-off is therefore real and stage-dependent: roughly 70% reach consideration, 40% buy.
 * Events after 2025-12-31 are cut off (right-censored), as in any extract.
 *
 * <h2>Painful touchpoints (what a correct analysis should find)</h2>
 *
 * <ul>
 *   <li><b>checkout_payment</b>: 30% of attempts are declined (4% on other checkouts), attribute
 *       {@code payment=declined}, shock -0.9. The customer retries with probability 0.55 (app 45%,
 *       phone 25%, web again 30%: channel switching), else abandons ({@link
 *       org.cx4j.core.interaction.Outcome#ABANDONED}; 30% of abandoners answer a CES survey shifted
 *       by -1.5). Web checkout therefore converts worst; buyers who were declined report lower CSAT
 *       (-0.6) and CES (-1.3) and call support more often.
 *   <li><b>support_hotline</b>: waits are log-normal (median 14 min, sigma 0.6; attribute {@code
 *       wait_minutes}); over 25 minutes 60% hang up (ABANDONED, half of them move to chat); shock
 *       {@code -0.3 - 0.035 min(wait, 60)}, -0.5 more on hang-up. Lower CSAT/CES/NPS the longer the
 *       wait. Otherwise outcome {@code resolved}.
 *   <li><b>returns_portal</b>: shock -0.6, CES shifted by -1.4 (hard to use), 30% then call the
 *       hotline (web to phone).
 * </ul>
 *
 * <p>Moments of delight: <b>support_chat</b> (median wait 1.5 min, 92% resolved, shock +0.6;
 * unresolved chats, outcome {@code escalated}, go to the hotline 70% of the time) and
 * <b>click_collect</b> (shock +0.6). Late deliveries are a milder pain (-0.4).
 *
 * <h2>Surveys</h2>
 *
 * <p>Scores are rounded and clamped draws around the latent satisfaction {@code z} at the answer
 * time, plus the touchpoint's local effect {@code l}: NPS {@code Normal(7.7 + 1.4 (z + l), 1.3)} on
 * 0..10; CSAT {@code Normal(3.9 + 0.65 (z + l), 0.6)} on 1..5; CES (CES 2.0, "the company made it
 * easy", higher is easier) {@code Normal(5.2 + 0.9 (z + l), 0.8)} on 1..7. Triggers: after a
 * purchase CSAT 30%, CES 20%; after each support contact CSAT 45%, CES 45% and a transactional NPS
 * 25% (about that touchpoint); after a return CES 50%, CSAT 20%; and a <em>relationship</em> NPS
 * (no touchpoint) 30..60 days after the purchase, answered by 55% of business buyers, 45% of
 * members, 30% of new and 35% of established consumers. Because response rates differ, the
 * relationship NPS responses carry post-stratification weights {@code w_s = (N_s / N) / (n_s / n)}
 * (N buyers, n respondents, by segment s; rounded to 4 decimals); all other responses have weight
 * 1. About 12% of answers (30% of extreme ones) have a comment that names the cause.
 *
 * <h2>Transactions</h2>
 *
 * <p>Buyers get a transaction at their conversion and then repeat purchases in the style of the
 * BG/NBD model (Fader, Hardie and Lee 2005): while alive, purchases arrive as a Poisson process
 * with rate {@code lambda ~ Gamma(shape 1.5, mean r_segment)}, {@code r} = 1.2, 0.7, 0.30, 0.35 per
 * 30 days; after each purchase the customer churns for good with probability {@code p exp(-0.6 z)},
 * {@code p ~ Beta(1.5, .)} with mean 0.08, 0.10, 0.25, 0.15 by segment, so unhappy customers churn
 * sooner. Amounts follow the gamma-gamma spend model (Fader, Hardie and Lee 2005b): a per-customer
 * mean spend {@code ~ Gamma(shape 3, mean m_segment)}, {@code m} = 420, 115, 70, 85, and amounts
 * {@code ~ Gamma(shape 4, that mean)}, rounded to cents (at least 1). Quantity 1, or 2 to 4 with
 * probability 0.35. Ids {@code <customer>-t<k>}. There are no refunds. Repeat purchases appear only
 * as transactions; the interactions hold each customer's one journey.
 *
 * <h2>Interaction attributes and outcomes</h2>
 *
 * <p>{@code payment=declined} on failed checkouts; {@code delivery=late|on_time} on delivery
 * e-mails; {@code wait_minutes} on support contacts; {@code stars} on reviews. Outcomes: {@code
 * converted} (successful checkout), {@code abandoned} (checkout given up, hotline hung up), {@code
 * resolved} and {@code escalated} (support).
 */
public final class SampleData {

  /** The fictional company. */
  public static final String COMPANY = "Larkspur Home";

  /** The seed of {@link #generate()} and {@link #standard()}. */
  public static final long DEFAULT_SEED = 20_250_101L;

  /** The number of customers of {@link #generate()} and {@link #standard()}. */
  public static final int DEFAULT_CUSTOMERS = 5_000;

  /** The largest number of customers {@link #generate(long, int)} accepts. */
  public static final int MAX_CUSTOMERS = 5_000_000;

  /** Ids of the deliberately painful touchpoints: failing payments, long waits, hard returns. */
  public static final List<String> PAINFUL_TOUCHPOINTS =
      List.of("checkout_payment", "support_hotline", "returns_portal");

  /** Ids of the moments of delight: fast chat support and quick click &amp; collect. */
  public static final List<String> DELIGHTFUL_TOUCHPOINTS =
      List.of("support_chat", "click_collect");

  private final long seed;
  private final List<Customer> customers;
  private final TouchpointCatalog catalog;
  private final Segmentation segmentation;
  private final List<Interaction> interactions;
  private final List<SurveyResponse> responses;
  private final List<Transaction> transactions;
  private final Instant start;
  private final Instant end;

  SampleData(
      long seed,
      List<Customer> customers,
      TouchpointCatalog catalog,
      Segmentation segmentation,
      List<Interaction> interactions,
      List<SurveyResponse> responses,
      List<Transaction> transactions,
      Instant start,
      Instant end) {
    this.seed = seed;
    this.customers = List.copyOf(customers);
    this.catalog = catalog;
    this.segmentation = segmentation;
    this.interactions = List.copyOf(interactions);
    this.responses = List.copyOf(responses);
    this.transactions = List.copyOf(transactions);
    this.start = start;
    this.end = end;
  }

  /**
   * Returns the standard sample: seed {@value #DEFAULT_SEED}, {@value #DEFAULT_CUSTOMERS}
   * customers, calendar year 2025. Generates a new instance on every call; see {@link #standard()}
   * for a shared one.
   */
  public static SampleData generate() {
    return generate(DEFAULT_SEED, DEFAULT_CUSTOMERS);
  }

  /**
   * Returns a sample of {@code customers} customers generated from {@code seed} over calendar year
   * 2025. Equal arguments give equal data.
   *
   * @param seed any long
   * @param customers the number of customers, 1 to {@value #MAX_CUSTOMERS}
   * @throws IllegalArgumentException if {@code customers} is outside {@code [1, MAX_CUSTOMERS]}
   */
  public static SampleData generate(long seed, int customers) {
    checkArgument(
        customers >= 1 && customers <= MAX_CUSTOMERS,
        "customers must be between 1 and %s, got %s",
        MAX_CUSTOMERS,
        customers);
    return new Generator(seed, customers).run();
  }

  /**
   * Returns the standard sample ({@link #generate()}), generated once on first use and shared:
   * handy in JShell and examples. Safe to call from any thread.
   */
  public static SampleData standard() {
    return Standard.INSTANCE;
  }

  /** Lazy holder: the JVM initializes it once, on first use, thread-safely. */
  private static final class Standard {
    static final SampleData INSTANCE = generate();
  }

  /** Returns the seed the data was generated from. */
  public long seed() {
    return seed;
  }

  /** Returns the customers, in id order. */
  public List<Customer> customers() {
    return customers;
  }

  /** Returns the company's touchpoints over the default stage model. */
  public TouchpointCatalog catalog() {
    return catalog;
  }

  /** Returns the segmentation that assigns every customer to one of the four segments. */
  public Segmentation segmentation() {
    return segmentation;
  }

  /** Returns the interactions of all customers, sorted by time (then customer id). */
  public List<Interaction> interactions() {
    return interactions;
  }

  /** Returns the survey responses, sorted by time (then customer id). */
  public List<SurveyResponse> responses() {
    return responses;
  }

  /** Returns the transactions, sorted by time (then customer id). */
  public List<Transaction> transactions() {
    return transactions;
  }

  /** Returns the start of the observation window (inclusive): 2025-01-01T00:00:00Z. */
  public Instant start() {
    return start;
  }

  /** Returns the end of the observation window (exclusive): 2026-01-01T00:00:00Z. */
  public Instant end() {
    return end;
  }

  /** Returns the first day of the observation window (UTC). */
  public LocalDate firstDay() {
    return LocalDate.ofInstant(start, ZoneOffset.UTC);
  }

  /** Returns the last day of the observation window (UTC), inclusive. */
  public LocalDate lastDay() {
    return LocalDate.ofInstant(end, ZoneOffset.UTC).minusDays(1);
  }

  /** Returns whether {@code o} is a sample with the same seed, window and equal lists. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SampleData)) {
      return false;
    }
    SampleData other = (SampleData) o;
    return seed == other.seed
        && start.equals(other.start)
        && end.equals(other.end)
        && customers.equals(other.customers)
        && catalog.touchpoints().equals(other.catalog.touchpoints())
        && catalog.stages().equals(other.catalog.stages())
        && segmentation.equals(other.segmentation)
        && interactions.equals(other.interactions)
        && responses.equals(other.responses)
        && transactions.equals(other.transactions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        seed, customers.size(), interactions.size(), responses.size(), transactions.size());
  }

  /**
   * Returns a one-line summary, for example {@code SampleData[Larkspur Home, seed 20250101, ...]}.
   */
  @Override
  public String toString() {
    return "SampleData["
        + COMPANY
        + ", seed "
        + seed
        + ", "
        + firstDay()
        + ".."
        + lastDay()
        + ": "
        + customers.size()
        + " customers in "
        + segmentation.names().size()
        + " segments, "
        + catalog.size()
        + " touchpoints, "
        + interactions.size()
        + " interactions, "
        + responses.size()
        + " survey responses, "
        + transactions.size()
        + " transactions]";
  }
}
