package org.cx4j.core.sample;

import java.util.List;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.Segment;
import org.cx4j.core.customer.SegmentRule;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.touchpoint.TouchpointCatalog;

/**
 * The fictional company of the sample data: its touchpoints and its customer segments. See {@link
 * SampleData} for the story.
 */
final class LarkspurHome {

  private LarkspurHome() {}

  // Awareness
  static final Touchpoint SEARCH_AD = tp("search_ad", "Search ad", Channel.WEB, aw());
  static final Touchpoint SOCIAL_AD = tp("social_ad", "Social media ad", Channel.SOCIAL, aw());
  static final Touchpoint REFERRAL_INVITE =
      tp("referral_invite", "Referral invite e-mail", Channel.EMAIL, aw());
  static final Touchpoint STORE_WINDOW =
      tp("store_window", "Store window display", Channel.STORE, aw());

  // Consideration
  static final Touchpoint PRODUCT_PAGE =
      tp("product_page", "Website product pages", Channel.WEB, co());
  static final Touchpoint APP_BROWSE = tp("app_browse", "App catalogue", Channel.APP, co());
  static final Touchpoint REVIEW_SITE =
      tp("review_site", "Third-party review site", Channel.SOCIAL, co());
  static final Touchpoint STORE_SHOWROOM =
      tp("store_showroom", "Store showroom visit", Channel.STORE, co());
  static final Touchpoint PRESALES_CHAT = tp("presales_chat", "Pre-sales chat", Channel.CHAT, co());

  // Purchase
  static final Touchpoint CHECKOUT_PAYMENT =
      tp("checkout_payment", "Web checkout, payment step", Channel.WEB, pu());
  static final Touchpoint APP_CHECKOUT = tp("app_checkout", "In-app checkout", Channel.APP, pu());
  static final Touchpoint STORE_TILL = tp("store_till", "Store till", Channel.STORE, pu());
  static final Touchpoint PHONE_ORDER = tp("phone_order", "Phone order line", Channel.PHONE, pu());

  // Retention
  static final Touchpoint DELIVERY_EMAIL =
      tp("delivery_email", "Delivery status e-mail", Channel.EMAIL, re());
  static final Touchpoint CLICK_COLLECT =
      tp("click_collect", "Click & collect pickup", Channel.STORE, re());
  static final Touchpoint APP_ONBOARDING =
      tp("app_onboarding", "App onboarding", Channel.APP, re());
  static final Touchpoint SUPPORT_HOTLINE =
      tp("support_hotline", "Support hotline", Channel.PHONE, re());
  static final Touchpoint SUPPORT_CHAT = tp("support_chat", "Support chat", Channel.CHAT, re());
  static final Touchpoint RETURNS_PORTAL =
      tp("returns_portal", "Online returns portal", Channel.WEB, re());

  // Advocacy
  static final Touchpoint REVIEW_POST =
      tp("review_post", "Product review posted", Channel.SOCIAL, ad());
  static final Touchpoint REFER_FRIEND =
      tp("refer_friend", "Refer-a-friend programme", Channel.EMAIL, ad());

  /** The 21 touchpoints, stage by stage. */
  static final TouchpointCatalog CATALOG =
      TouchpointCatalog.of(
          StageModel.DEFAULT,
          List.of(
              SEARCH_AD,
              SOCIAL_AD,
              REFERRAL_INVITE,
              STORE_WINDOW,
              PRODUCT_PAGE,
              APP_BROWSE,
              REVIEW_SITE,
              STORE_SHOWROOM,
              PRESALES_CHAT,
              CHECKOUT_PAYMENT,
              APP_CHECKOUT,
              STORE_TILL,
              PHONE_ORDER,
              DELIVERY_EMAIL,
              CLICK_COLLECT,
              APP_ONBOARDING,
              SUPPORT_HOTLINE,
              SUPPORT_CHAT,
              RETURNS_PORTAL,
              REVIEW_POST,
              REFER_FRIEND));

  /** Segment names, in the order of {@link #SEGMENTATION}'s rules, the fallback last. */
  static final String BUSINESS = "business";

  static final String MEMBERS = "members";
  static final String NEW_CONSUMERS = "new_consumers";
  static final String ESTABLISHED = "established_consumers";

  /** Plan values. */
  static final String PLAN_BUSINESS = "business";

  static final String PLAN_PLUS = "plus";
  static final String PLAN_PLUS_ANNUAL = "plus_annual";
  static final String PLAN_STANDARD = "standard";

  /** Signup date from which a standard-plan customer counts as new (the window's first day). */
  static final String NEW_SINCE = "2025-01-01";

  /**
   * First match wins: trade accounts, then paying members, then consumers who signed up in the
   * observation year; everyone else is an established consumer.
   */
  static final Segmentation SEGMENTATION =
      new Segmentation(
          List.of(
              Segment.of(BUSINESS, SegmentRule.equals(Customer.PLAN, PLAN_BUSINESS)),
              Segment.of(MEMBERS, SegmentRule.in(Customer.PLAN, PLAN_PLUS, PLAN_PLUS_ANNUAL)),
              Segment.of(NEW_CONSUMERS, SegmentRule.range(Customer.SIGNUP_DATE, NEW_SINCE, null))),
          ESTABLISHED);

  private static Touchpoint tp(String id, String name, Channel channel, JourneyStage stage) {
    return new Touchpoint(id, name, channel, stage);
  }

  private static JourneyStage aw() {
    return JourneyStage.AWARENESS;
  }

  private static JourneyStage co() {
    return JourneyStage.CONSIDERATION;
  }

  private static JourneyStage pu() {
    return JourneyStage.PURCHASE;
  }

  private static JourneyStage re() {
    return JourneyStage.RETENTION;
  }

  private static JourneyStage ad() {
    return JourneyStage.ADVOCACY;
  }
}
