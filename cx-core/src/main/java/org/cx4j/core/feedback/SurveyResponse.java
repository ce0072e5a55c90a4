package org.cx4j.core.feedback;

import static com.google.common.base.Preconditions.checkArgument;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.touchpoint.Touchpoint;

/**
 * One answer to one survey question: who answered, about which touchpoint (if any), on which
 * instrument, the score, when, the sampling weight and an optional free-text comment.
 *
 * <p>The weight is a <em>sampling</em> weight (how many population members this respondent stands
 * for), not a frequency count; see the metrics module for how weights enter estimates.
 *
 * @param customer the respondent
 * @param touchpoint the touchpoint the question was about, or {@code null}
 * @param instrument the question type and scale
 * @param score the answer; valid for {@code instrument}
 * @param timestamp when it was answered
 * @param weight the sampling weight; finite and non-negative, 1 when unweighted
 * @param comment free-text comment, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SurveyResponse(
    CustomerId customer,
    Touchpoint touchpoint,
    Instrument instrument,
    int score,
    Instant timestamp,
    double weight,
    String comment) {

  /**
   * Validates the response.
   *
   * @throws NullPointerException if {@code customer}, {@code instrument} or {@code timestamp} is
   *     null
   * @throws IllegalArgumentException if the score is outside the instrument's scale, or the weight
   *     is NaN, infinite or negative
   */
  public SurveyResponse {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(timestamp, "timestamp");
    instrument.validate(score);
    checkArgument(
        Double.isFinite(weight) && weight >= 0,
        "weight must be finite and non-negative, got %s",
        weight);
  }

  /** Returns an unweighted response with no touchpoint and no comment. */
  public static SurveyResponse of(
      CustomerId customer, Instrument instrument, int score, Instant timestamp) {
    return new SurveyResponse(customer, null, instrument, score, timestamp, 1.0, null);
  }

  /** Returns an unweighted response about {@code touchpoint} with no comment. */
  public static SurveyResponse of(
      CustomerId customer,
      Touchpoint touchpoint,
      Instrument instrument,
      int score,
      Instant timestamp) {
    return new SurveyResponse(customer, touchpoint, instrument, score, timestamp, 1.0, null);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("SurveyResponse[")
            .append(customer)
            .append(' ')
            .append(instrument.name())
            .append('=')
            .append(score)
            .append(" @ ")
            .append(timestamp);
    if (touchpoint != null) {
      sb.append(" on ").append(touchpoint.id());
    }
    if (weight != 1.0) {
      sb.append(", weight ").append(weight);
    }
    if (comment != null) {
      sb.append(", \"")
          .append(comment.length() > 40 ? comment.substring(0, 40) + "..." : comment)
          .append('"');
    }
    return sb.append(']').toString();
  }
}
