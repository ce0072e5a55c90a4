package org.cx4j.report.html;

/** The naive balance check of {@link BidiBalanceTest}, for tests in other packages. */
public final class BidiBalanceAccess {
  private BidiBalanceAccess() {}

  /** See {@link BidiBalanceTest#balanced(String)}. */
  public static boolean balanced(String s) {
    return BidiBalanceTest.balanced(s);
  }
}
