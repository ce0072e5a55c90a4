// cx4j JShell startup: common imports and the bundled sample data as `sample`.
// Loaded by `./cx shell` (after JShell's DEFAULT startup).
import java.time.*;
import java.util.*;
import java.util.stream.*;
import org.cx4j.core.customer.*;
import org.cx4j.core.feedback.*;
import org.cx4j.core.interaction.*;
import org.cx4j.core.io.*;
import org.cx4j.core.sample.*;
import org.cx4j.core.touchpoint.*;
import org.cx4j.core.transaction.*;
import org.cx4j.metrics.nps.*;
import org.cx4j.metrics.csat.*;
import org.cx4j.metrics.ces.*;
import org.cx4j.metrics.score.*;
import org.cx4j.metrics.compare.*;
import org.cx4j.metrics.breakdown.*;
import org.cx4j.metrics.trend.*;
import org.cx4j.metrics.driver.*;
import org.cx4j.metrics.retention.*;
import org.cx4j.metrics.survival.*;
import org.cx4j.metrics.activity.*;
import org.cx4j.metrics.rfm.*;
import org.cx4j.metrics.clv.*;
import org.cx4j.metrics.weighting.*;
import org.cx4j.journey.log.*;
import org.cx4j.journey.rebuild.*;
import org.cx4j.journey.graph.*;
import org.cx4j.journey.funnel.*;
import org.cx4j.journey.variant.*;
import org.cx4j.journey.painpoint.*;
import org.cx4j.journey.attribution.*;
import org.cx4j.report.input.*;
import org.cx4j.report.analysis.*;
var sample = SampleData.standard();
// The whole CX report of the sample: report.nps(), report.journeys(), ... ; print it for a summary.
var report = CxReport.of(ReportInput.of(sample));
