package org.cx4j.core.touchpoint;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Objects;

/**
 * The medium through which a customer meets the company: {@link #WEB}, {@link #APP} (mobile app),
 * {@link #EMAIL}, {@link #PHONE}, {@link #CHAT}, {@link #STORE}, {@link #SOCIAL}, or a user-defined
 * channel such as {@code Channel.of("kiosk")}.
 *
 * <p>Names are case-insensitive: they are trimmed and lower-cased, and inner spaces become {@code
 * _}, so {@code "Call Center"} and {@code "call_center"} are one channel. The aliases {@code
 * mobile}, {@code mobile_app} and {@code mobile app} mean {@link #APP}. JSON form: the name.
 *
 * @param name the normalized channel name
 */
public record Channel(String name) implements Comparable<Channel> {

  /** The company's website. */
  public static final Channel WEB = new Channel("web");

  /** The mobile app. */
  public static final Channel APP = new Channel("app");

  /** E-mail. */
  public static final Channel EMAIL = new Channel("email");

  /** Phone, call centre, IVR. */
  public static final Channel PHONE = new Channel("phone");

  /** Live chat or chatbot. */
  public static final Channel CHAT = new Channel("chat");

  /** A physical store or branch. */
  public static final Channel STORE = new Channel("store");

  /** Social media. */
  public static final Channel SOCIAL = new Channel("social");

  /** The seven predefined channels, in the order above. */
  public static final List<Channel> STANDARD = List.of(WEB, APP, EMAIL, PHONE, CHAT, STORE, SOCIAL);

  /**
   * Normalizes and validates the name.
   *
   * @throws IllegalArgumentException if {@code name} is blank or longer than 64 characters
   */
  public Channel {
    Objects.requireNonNull(name, "channel name");
    name = normalize(name);
    checkArgument(!name.isEmpty(), "channel name must not be blank");
    checkArgument(name.length() <= 64, "channel name must be at most 64 characters: '%s'", name);
  }

  /**
   * Returns the channel called {@code name}, one of the predefined ones when it matches.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  @JsonCreator
  public static Channel of(String name) {
    Objects.requireNonNull(name, "channel name");
    String n = normalize(name);
    switch (n) {
      case "mobile":
      case "mobile_app":
        return APP;
      default:
        for (Channel c : STANDARD) {
          if (c.name.equals(n)) {
            return c;
          }
        }
        return new Channel(n);
    }
  }

  /** Returns whether this is one of the seven predefined channels. */
  public boolean isStandard() {
    return STANDARD.contains(this);
  }

  private static String normalize(String name) {
    return Names.normalize(name);
  }

  /** Returns the normalized name; also the JSON form. */
  @Override
  @JsonValue
  public String name() {
    return name;
  }

  @Override
  public int compareTo(Channel o) {
    return name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
