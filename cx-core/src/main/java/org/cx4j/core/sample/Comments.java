package org.cx4j.core.sample;

/** The free-text comments respondents leave, by topic. */
final class Comments {

  private Comments() {}

  private static final String[] PAYMENT = {
    "My card was declined twice at checkout for no reason.",
    "Payment page kept failing, had to order through the app instead.",
    "Checkout errored out after I entered my card details."
  };
  private static final String[] HOTLINE = {
    "Waited on hold for over 20 minutes.",
    "Nobody answered the support line, I gave up.",
    "The hotline queue is ridiculous, it took forever to reach someone."
  };
  private static final String[] RETURNS = {
    "Returning an item took far too many steps.",
    "The returns portal is confusing and the label never arrived.",
    "Still waiting for my refund after the return."
  };
  private static final String[] DELIVERY = {
    "Delivery arrived a week later than promised.",
    "The delivery e-mail said on time, but the parcel was late."
  };
  private static final String[] GENERIC_BAD = {
    "Not what I expected for the price.",
    "Quality has gone down lately.",
    "Too hard to get help when something goes wrong."
  };
  private static final String[] CHAT = {
    "The chat agent sorted it out in minutes.",
    "Super quick and friendly chat support.",
    "Chat was fast and solved my problem straight away."
  };
  private static final String[] COLLECT = {
    "Order was ready for pickup within the hour.",
    "Click and collect was painless, staff were lovely."
  };
  private static final String[] GOOD = {
    "Great quality and good value.",
    "Lovely products, will buy again.",
    "Easy to find what I needed."
  };
  private static final String[] MEH = {
    "It was fine.", "Okay overall, nothing special.", "Average experience."
  };

  /** Returns the comments for {@code topic}; unknown topics get the generic ones. */
  static String[] of(String topic) {
    switch (topic) {
      case "payment":
        return PAYMENT;
      case "hotline":
        return HOTLINE;
      case "returns":
        return RETURNS;
      case "delivery":
        return DELIVERY;
      case "chat":
        return CHAT;
      case "collect":
        return COLLECT;
      case "good":
        return GOOD;
      case "meh":
        return MEH;
      default:
        return GENERIC_BAD;
    }
  }
}
