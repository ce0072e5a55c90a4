package org.cx4j.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.cx4j.core.customer.Customer;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.customer.Segment;
import org.cx4j.core.customer.SegmentRule;
import org.cx4j.core.customer.Segmentation;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.Scale;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.core.interaction.Interaction;
import org.cx4j.core.interaction.Outcome;
import org.cx4j.core.touchpoint.Channel;
import org.cx4j.core.touchpoint.JourneyStage;
import org.cx4j.core.touchpoint.StageModel;
import org.cx4j.core.touchpoint.Touchpoint;
import org.cx4j.core.transaction.Transaction;
import org.junit.jupiter.api.Test;

/** The domain records' own JSON through {@link CxJson#mapper()}: round trips, byte for byte. */
class DomainJsonTest {

  private static final ObjectMapper JSON = CxJson.mapper();
  private static final Instant T = Instant.parse("2024-03-01T09:30:00Z");
  private static final Touchpoint CHECKOUT =
      new Touchpoint("web_checkout", "Checkout page", Channel.WEB, JourneyStage.PURCHASE);

  /** Writes, reads back, checks equality, and checks that writing again gives the same bytes. */
  private static <T> String roundTrip(T value, Class<T> type) throws Exception {
    String json = JSON.writeValueAsString(value);
    T back = JSON.readValue(json, type);
    assertEquals(value, back, json);
    assertEquals(json, JSON.writeValueAsString(back));
    return json;
  }

  @Test
  void customersAndIds() throws Exception {
    assertEquals("\"c-1\"", roundTrip(CustomerId.of("c-1"), CustomerId.class));
    Customer c =
        new Customer(
            CustomerId.of("c-1"),
            LocalDate.of(2024, 1, 31),
            "FR",
            "gold",
            Map.of("tier", "b", "age", "40"));
    assertEquals(
        "{\"id\":\"c-1\",\"signupDate\":\"2024-01-31\",\"country\":\"FR\",\"plan\":\"gold\",\"attributes\":{\"age\":\"40\",\"tier\":\"b\"}}",
        roundTrip(c, Customer.class));
    assertEquals(
        "{\"id\":\"c-2\",\"attributes\":{}}", roundTrip(Customer.of("c-2"), Customer.class));
  }

  @Test
  void touchpointsInteractionsResponsesTransactions() throws Exception {
    assertEquals(
        "{\"id\":\"web_checkout\",\"name\":\"Checkout page\",\"channel\":\"web\",\"stage\":\"purchase\"}",
        roundTrip(CHECKOUT, Touchpoint.class));
    roundTrip(StageModel.of("discover", "buy", "use"), StageModel.class);
    String i =
        roundTrip(
            new Interaction(
                CustomerId.of("c-1"),
                CHECKOUT,
                T,
                Outcome.CONVERTED,
                "j-9",
                Map.of("device", "ios")),
            Interaction.class);
    assertTrue(i.contains("\"timestamp\":\"2024-03-01T09:30:00Z\""), i);
    roundTrip(Interaction.of(CustomerId.of("c-1"), CHECKOUT, T), Interaction.class);
    roundTrip(
        new SurveyResponse(
            CustomerId.of("c-1"),
            CHECKOUT,
            Instrument.csat(Scale.of(1, 7)),
            6,
            T,
            2.5,
            "ok, \"fine\""),
        SurveyResponse.class);
    roundTrip(
        SurveyResponse.of(CustomerId.of("c-1"), Instrument.nps(), 10, T), SurveyResponse.class);
    assertEquals(
        "{\"customer\":\"c-1\",\"timestamp\":\"2024-03-01T09:30:00Z\",\"amount\":-12.5,\"quantity\":2,\"transactionId\":\"t-1\"}",
        roundTrip(new Transaction(CustomerId.of("c-1"), T, -12.5, 2, "t-1"), Transaction.class));
  }

  @Test
  void segmentRulesUseNamedTypeIds() throws Exception {
    SegmentRule rule =
        SegmentRule.or(
            SegmentRule.and(
                SegmentRule.equals("plan", "gold"),
                SegmentRule.range("signup_date", "2024-01-01", null)),
            SegmentRule.not(SegmentRule.in("country", "FR", "DE")),
            SegmentRule.all());
    String json = roundTrip(rule, SegmentRule.class);
    assertEquals(
        "{\"type\":\"or\",\"rules\":[{\"type\":\"and\",\"rules\":[{\"type\":\"equals\",\"attribute\":\"plan\",\"value\":\"gold\"},"
            + "{\"type\":\"range\",\"attribute\":\"signup_date\",\"min\":\"2024-01-01\",\"max\":null}]},"
            + "{\"type\":\"not\",\"rule\":{\"type\":\"in\",\"attribute\":\"country\",\"values\":[\"DE\",\"FR\"]}},"
            + "{\"type\":\"all\"}]}",
        json);
    Segmentation s =
        Segmentation.of(
            Segment.of("gold", SegmentRule.equals("plan", "gold")),
            Segment.of("eu", SegmentRule.in("country", "FR")));
    roundTrip(s, Segmentation.class);
  }

  @Test
  void unknownTypeIdsAndPropertiesFail() {
    assertThrows(
        InvalidTypeIdException.class,
        () -> JSON.readValue("{\"type\":\"script\",\"code\":\"x\"}", SegmentRule.class));
    assertThrows(
        UnrecognizedPropertyException.class,
        () -> JSON.readValue("{\"id\":\"c\",\"attributes\":{},\"nmae\":\"x\"}", Customer.class));
  }

  @Test
  void customRuleRefusesToSerializeNamingIt() {
    SegmentRule vip =
        SegmentRule.and(
            SegmentRule.equals("plan", "gold"), SegmentRule.custom("vip by spend", c -> true));
    JsonMappingException e =
        assertThrows(JsonMappingException.class, () -> JSON.writeValueAsString(vip));
    assertTrue(e.getMessage().contains("custom(vip by spend)"), e.getMessage());
    assertThrows(
        JsonMappingException.class,
        () ->
            JSON.writeValueAsString(
                Segment.of("vip", SegmentRule.custom("vip by spend", c -> true))));
  }

  @Test
  void invalidValuesFailOnRead() {
    // the records' compact constructors run on deserialization too
    assertThrows(JsonMappingException.class, () -> JSON.readValue("\" \"", CustomerId.class));
    assertThrows(
        JsonMappingException.class,
        () ->
            JSON.readValue(
                "{\"customer\":\"c\",\"instrument\":{\"kind\":\"NPS\",\"name\":\"nps\",\"scale\":{\"min\":0,\"max\":10}},\"score\":11,\"timestamp\":\"2024-03-01T09:30:00Z\",\"weight\":1.0}",
                SurveyResponse.class));
  }
}
