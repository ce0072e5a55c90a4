package org.cx4j.spark.text;

import java.io.Serializable;

/** The partial state of {@code cx_theme_counts}: comment counts and one count per theme. */
public final class ThemeCountBuffer implements Serializable {

  private static final long serialVersionUID = 1L;

  long comments;
  long noComment;
  long unmatched;
  long[] themes;

  ThemeCountBuffer(int themeCount) {
    this.themes = new long[themeCount];
  }

  void merge(ThemeCountBuffer other) {
    comments += other.comments;
    noComment += other.noComment;
    unmatched += other.unmatched;
    for (int i = 0; i < themes.length; i++) {
      themes[i] += other.themes[i];
    }
  }
}
