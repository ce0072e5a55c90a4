package org.cx4j.journey.attribution;

/** Neumaier's compensated summation, so that credits sum to the totals to the last bits. */
final class KahanSum {
  private double sum;
  private double c;

  void add(double x) {
    double t = sum + x;
    c += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }

  double value() {
    return sum + c;
  }

  static double of(double[] xs) {
    KahanSum k = new KahanSum();
    for (double x : xs) {
      k.add(x);
    }
    return k.value();
  }
}
