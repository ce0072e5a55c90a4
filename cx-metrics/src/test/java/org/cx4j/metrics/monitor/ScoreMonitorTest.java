package org.cx4j.metrics.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.cx4j.core.customer.CustomerId;
import org.cx4j.core.feedback.Instrument;
import org.cx4j.core.feedback.SurveyResponse;
import org.cx4j.metrics.csat.CustomerSatisfaction;
import org.cx4j.metrics.nps.NetPromoterScore;
import org.junit.jupiter.api.Test;

class ScoreMonitorTest {

  static final long H = BucketSize.HOUR.millis();
  static final long M = BucketSize.MINUTE.millis();

  static ScoreMonitor<NetPromoterScore> nps(MonitorConfig c) {
    return ScoreMonitor.of(c, NetPromoterScore::accumulator);
  }

  @Test
  void bucketsAndWindows() {
    ScoreMonitor<NetPromoterScore> m = nps(MonitorConfig.sliding(BucketSize.HOUR, 2));
    // Hour 10: 10, 9, 0 -> NPS (2 - 1) / 3 = 33.3; hour 11: 9 -> 100; hour 12: 0 -> -100.
    m.add("web", 10, 10 * H);
    m.add("web", 9, 10 * H + 5);
    m.add("web", 0, 11 * H - 1);
    m.add("web", 9, 11 * H);
    m.add("web", 0, 12 * H + 1);
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    assertEquals(100.0 / 3, s.result("web", 10, 11).score(), 1e-12);
    // Window of 2 buckets ending before 12: hours 10 and 11: 3 promoters, 1 detractor of 4 = 50.
    assertEquals(50, s.window("web", 12).score(), 1e-12);
    assertEquals(0, s.result("web", 13, 20).n());
    assertEquals(0, s.result("nobody", 10, 13).n());
    assertEquals(Instant.ofEpochMilli(12 * H + 1), s.watermark().orElseThrow());
    assertEquals(3, s.buckets("web").size());
    assertThrows(IllegalArgumentException.class, () -> s.result("web", 12, 10));
  }

  @Test
  void lateEventsWithinLatenessGoToTheirBucketLaterOnesAreCounted() {
    ScoreMonitor<NetPromoterScore> m =
        nps(MonitorConfig.sliding(BucketSize.MINUTE, 5).withLateness(Duration.ofMinutes(2)));
    ScoreMonitor.Key<NetPromoterScore> k = m.key("app");
    k.add(9, 100 * M);
    k.add(9, 98 * M); // exactly 2 minutes behind: accepted, bucket 98
    k.add(9, 98 * M - 1); // 2 min + 1 ms behind: late
    k.add(10, 99 * M + 30_000); // out of order, within lateness
    assertEquals(1, k.lateCount());
    assertEquals(1, m.lateCount());
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    assertEquals(1, s.result("app", 98, 99).n());
    assertEquals(1, s.result("app", 99, 100).n());
    assertEquals(1, s.lateCount("app"));
    // Watermark 100 min, lateness 2 min: buckets before 98 are closed.
    assertEquals(98, s.closedBefore());
  }

  @Test
  void lateCountsSpanKeysBecauseTheWatermarkIsGlobal() {
    ScoreMonitor<NetPromoterScore> m = nps(MonitorConfig.sliding(BucketSize.MINUTE, 5));
    m.add("a", 9, 100 * M);
    m.add("b", 9, 100 * M - 1); // no lateness allowed: late for b too
    m.add("b", 9, 100 * M);
    assertEquals(1, m.snapshot().lateCount("b"));
    assertEquals(0, m.snapshot().lateCount("a"));
  }

  @Test
  void oldBucketsAreEvictedAndMemoryIsARing() {
    // 3 buckets retained; lateness a day, so only retention decides.
    MonitorConfig c =
        MonitorConfig.sliding(BucketSize.HOUR, 1)
            .withRetainedBuckets(3)
            .withLateness(Duration.ofDays(1));
    ScoreMonitor<NetPromoterScore> m = nps(c);
    for (int h = 0; h < 10; h++) {
      m.add("k", 9, h * H);
    }
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    assertEquals(java.util.List.of(7L, 8L, 9L), java.util.List.copyOf(s.buckets("k").keySet()));
    m.add("k", 9, 6 * H); // bucket 6 <= 9 - 3: evicted, counted late
    m.add("k", 9, 7 * H); // still retained
    assertEquals(1, m.lateCount());
    assertEquals(2, m.snapshot().result("k", 7, 8).n());
  }

  @Test
  void keysBeyondTheCapGoToOther() {
    MonitorConfig c = MonitorConfig.sliding(BucketSize.HOUR, 1).withMaxKeys(2, "rest");
    ScoreMonitor<NetPromoterScore> m = nps(c);
    m.add("a", 9, 0);
    m.add("b", 9, 0);
    m.add("c", 0, 0);
    m.add("d", 0, 0);
    m.add("a", 10, 0);
    assertEquals(2, m.keyCount());
    assertEquals("rest", m.key("zzz").name());
    assertSame(m.key("c"), m.key("rest"));
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    assertEquals(java.util.Set.of("a", "b", "rest"), s.keys());
    assertEquals(2, s.result("rest", 0, 1).n());
    assertEquals(-100, s.result("rest", 0, 1).score(), 0);
    assertEquals(2, s.result("a", 0, 1).n());
  }

  @Test
  void snapshotIsIsolatedFromLaterAdds() {
    ScoreMonitor<NetPromoterScore> m = nps(MonitorConfig.sliding(BucketSize.HOUR, 1));
    m.add("a", 9, 0);
    MonitorSnapshot<NetPromoterScore> s = m.snapshot();
    m.add("a", 0, 1);
    assertEquals(1, s.result("a", 0, 1).n());
    assertEquals(2, m.snapshot().result("a", 0, 1).n());
  }

  @Test
  void responsesWeightsAndCounts() {
    ScoreMonitor<CustomerSatisfaction> m =
        ScoreMonitor.of(
            MonitorConfig.sliding(BucketSize.DAY, 1), CustomerSatisfaction::accumulator);
    Instant t = Instant.parse("2026-01-05T10:00:00Z");
    m.add(
        "shop", new SurveyResponse(CustomerId.of("c1"), null, Instrument.csat(), 5, t, 3.0, null));
    m.add("shop", SurveyResponse.of(CustomerId.of("c2"), Instrument.csat(), 1, t));
    m.key("shop").addCount(4, 2, t.toEpochMilli());
    CustomerSatisfaction r = m.snapshot().window("shop", BucketSize.DAY.bucketOf(t) + 1);
    // Weights 3 (score 5), 1 (score 1), 1 + 1 (score 4): top-2 share (3 + 2) / 6.
    assertEquals(4, r.n());
    assertEquals(5.0 / 6, r.score(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> m.add("shop", 6, t.toEpochMilli()));
    assertThrows(IllegalArgumentException.class, () -> m.key("shop").addCount(4, -1, 0));
  }

  /**
   * eNPS is the NPS question asked of employees ("How likely are you to recommend this company as a
   * place to work?", 0-10): the same instrument, accumulator and monitor. Pulse scores on a 1-5
   * agreement scale are CSAT-shaped top-box shares.
   */
  @Test
  void employeeNpsAndPulseUseTheSameInstruments() {
    ScoreMonitor<NetPromoterScore> enps = nps(MonitorConfig.tumbling(BucketSize.DAY, 7));
    // Berlin office: 6 promoters, 3 passives, 1 detractor -> eNPS (6 - 1) / 10 = 50.
    int[] berlin = {9, 9, 10, 10, 9, 9, 7, 8, 7, 3};
    for (int s : berlin) {
      enps.add("office=Berlin", s, 0);
    }
    assertEquals(50, enps.snapshot().window("office=Berlin", 7).score(), 1e-12);
    assertEquals(
        NetPromoterScore.of(berlin).score(), enps.snapshot().window("office=Berlin", 7).score(), 0);
    ScoreMonitor<CustomerSatisfaction> pulse =
        ScoreMonitor.of(
            MonitorConfig.tumbling(BucketSize.DAY, 7), CustomerSatisfaction::accumulator);
    // "I have what I need to do my job well", 1-5: agree (4, 5) 3 of 5.
    for (int s : new int[] {5, 4, 4, 2, 1}) {
      pulse.add("team=Support", s, 0);
    }
    assertEquals(0.6, pulse.snapshot().window("team=Support", 7).score(), 1e-12);
  }

  static byte[] bytes(MonitorSnapshot<?> s) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    s.writeTo(new DataOutputStream(b));
    return b.toByteArray();
  }

  @Test
  void snapshotRoundTripsByteForByteAndMergesIntoAnotherMonitor() throws IOException {
    MonitorConfig c = MonitorConfig.sliding(BucketSize.HOUR, 2).withLateness(Duration.ofHours(1));
    ScoreMonitor<NetPromoterScore> a = nps(c);
    a.add("x", 9, 5 * H);
    a.add("x", 0, 6 * H);
    a.key("y").addWeighted(10, 2.5, 6 * H + 7);
    a.add("y", 3, 4 * H); // late: 2 h behind
    byte[] f = bytes(a.snapshot());
    MonitorSnapshot<NetPromoterScore> back =
        MonitorSnapshot.readFrom(
            new DataInputStream(new ByteArrayInputStream(f)), c, NetPromoterScore::accumulator);
    assertArrayEquals(f, bytes(back));
    assertEquals(1, back.lateCount("y"));
    ScoreMonitor<NetPromoterScore> b = nps(c);
    b.add("x", 10, 6 * H);
    b.mergeFrom(new DataInputStream(new ByteArrayInputStream(f)));
    MonitorSnapshot<NetPromoterScore> s = b.snapshot();
    assertEquals(3, s.result("x", 5, 7).n());
    assertEquals(1, s.lateCount());
    assertEquals(2.5, s.result("y", 6, 7).distribution().totalWeight(), 1e-12);
  }

  @Test
  void snapshotFormatIsTheDocumentedOne() throws IOException {
    ScoreMonitor<NetPromoterScore> m = nps(MonitorConfig.sliding(BucketSize.MINUTE, 1));
    m.add("k", 9, 60_000);
    byte[] f = bytes(m.snapshot());
    // 1 version + 8 width + 8 watermark + 4 keys + (2 + 1) "k" + 8 late + 4 buckets + 8 bucket
    // number + 102 (an unweighted 0..10 accumulator state, ScoreAccumulator.writeTo) = 146.
    assertEquals(146, f.length);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(f));
    assertEquals(1, in.readByte());
    assertEquals(60_000, in.readLong());
    assertEquals(60_000, in.readLong());
    assertEquals(1, in.readInt());
    assertEquals("k", in.readUTF());
    assertEquals(0, in.readLong());
    assertEquals(1, in.readInt());
    assertEquals(1, in.readLong());
    assertEquals(1, in.readByte()); // the accumulator's own version byte
  }

  @Test
  void badSnapshotsAreNamed() throws IOException {
    MonitorConfig c = MonitorConfig.sliding(BucketSize.MINUTE, 1);
    ScoreMonitor<NetPromoterScore> m = nps(c);
    m.add("k", 9, 60_000);
    byte[] f = bytes(m.snapshot());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MonitorSnapshot.readFrom(
                    new DataInputStream(new ByteArrayInputStream(f)),
                    MonitorConfig.sliding(BucketSize.HOUR, 1),
                    NetPromoterScore::accumulator));
    assertTrue(e.getMessage().contains("60000 ms"), e.getMessage());
    byte[] g = f.clone();
    g[0] = 9;
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MonitorSnapshot.readFrom(
                    new DataInputStream(new ByteArrayInputStream(g)),
                    c,
                    NetPromoterScore::accumulator));
    assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    byte[] h = f.clone();
    h[f.length - 102 + 4] = (byte) 0xFF; // the scale minimum of the bucket state
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MonitorSnapshot.readFrom(
                    new DataInputStream(new ByteArrayInputStream(h)),
                    c,
                    NetPromoterScore::accumulator));
    assertTrue(e.getMessage().startsWith("monitor snapshot key 'k' bucket 1: "), e.getMessage());
  }

  @Test
  void badConfigurationIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> MonitorConfig.sliding(BucketSize.HOUR, 0));
    assertEquals("windowBuckets must be at least 1, got 0", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> MonitorConfig.sliding(BucketSize.HOUR, 4).withRetainedBuckets(3));
    assertTrue(e.getMessage().contains("got 3"));
    assertEquals(
        168 + 24 + 1,
        MonitorConfig.sliding(BucketSize.HOUR, 24).retainingAWeek().retainedBuckets());
  }

  @Test
  void mergingAnotherScaleIsRefusedBeforeAnythingChanges() {
    ScoreMonitor<NetPromoterScore> m = nps(MonitorConfig.sliding(BucketSize.HOUR, 1));
    ScoreMonitor<CustomerSatisfaction> c =
        ScoreMonitor.of(
            MonitorConfig.sliding(BucketSize.HOUR, 1), CustomerSatisfaction::accumulator);
    c.add("k", 5, 0);
    @SuppressWarnings({"unchecked", "rawtypes"})
    MonitorSnapshot<NetPromoterScore> wrong = (MonitorSnapshot) c.snapshot();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.merge(wrong));
    assertTrue(e.getMessage().startsWith("cannot merge scores on "), e.getMessage());
    assertEquals(0, m.keyCount());
  }

  @Test
  void snapshotBytesAreBuiltFromTheDocumentedFormat() throws IOException {
    ScoreMonitor<NetPromoterScore> m = nps(MonitorConfig.sliding(BucketSize.MINUTE, 1));
    m.add("k", 9, 60_000);
    m.add("k", 9, 60_001);
    m.add("k", 3, 0); // late
    // Written by hand from the Javadoc of MonitorSnapshot.writeTo and ScoreAccumulator.writeTo.
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeByte(1); // monitor format version
    out.writeLong(60_000); // bucket width
    out.writeLong(60_001); // watermark
    out.writeInt(1); // keys
    out.writeUTF("k");
    out.writeLong(1); // late
    out.writeInt(1); // buckets
    out.writeLong(1); // bucket number
    out.writeByte(1); // accumulator format version
    out.writeInt(0);
    out.writeInt(10); // scale 0..10
    for (int score = 0; score <= 10; score++) {
      out.writeLong(score == 9 ? 2 : 0);
    }
    out.writeByte(0); // unweighted
    out.writeInt(0); // no missing codes
    assertArrayEquals(b.toByteArray(), bytes(m.snapshot()));
  }
}
