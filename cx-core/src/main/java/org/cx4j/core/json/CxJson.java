package org.cx4j.core.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configuration for cx4j's domain records and results.
 *
 * <p>Instants are written as ISO-8601 strings ({@code "2024-03-01T09:30:00Z"}), not numbers, so
 * files read well and survive other tools. No polymorphic default typing is enabled: polymorphic
 * types such as {@link org.cx4j.core.customer.SegmentRule} declare their own named subtypes.
 * Unknown properties fail, so that a misspelt field is an error rather than silently dropped.
 */
public final class CxJson {

  private static final JsonMapper MAPPER = newMapper();

  private CxJson() {}

  /**
   * Returns a shared, fully configured mapper. {@code ObjectMapper} is thread-safe once configured;
   * do not reconfigure the shared instance, use {@link #newMapper()} instead.
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Returns a new mapper with cx4j's configuration, which the caller may change. */
  public static JsonMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();
  }
}
