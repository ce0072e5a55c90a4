#!/usr/bin/env bash
# Times the CX report on about 10 million interactions and 1.6 million survey responses (the
# sample generator with 3,000,000 customers) with -Xmx4g, against the cost of just reading and
# validating the same files (--check-only), run after run on the same machine.
#
#   cx-benchmarks/scripts/report-large.sh [DATA_DIR] [RUNS]
#
# The data (about 1 GB of CSV) are generated once into DATA_DIR (default target/cx-large),
# which needs a 16 GB heap for a minute; later runs reuse them.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-target/cx-large}
RUNS=${2:-2}
./mvnw -q -DskipTests -Dmaven.javadoc.skip install -pl cx-report -am
./mvnw -q -pl cx-report dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
CP="cx-report/target/classes:$(cat cx-report/target/classpath.txt)"
MAIN=org.cx4j.report.cli.CxReportCommand
if [ ! -f "$DATA/transactions.csv" ]; then
  java -Xmx16g -cp "$CP" $MAIN sample --customers 3000000 -o "$DATA"
fi
wc -l "$DATA"/*.csv
FILES=(--customers "$DATA/customers.csv" --interactions "$DATA/interactions.csv"
       --responses "$DATA/responses.csv" --transactions "$DATA/transactions.csv")
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$RUNS"); do
  echo "run $i: read and validate only (--check-only)"
  /usr/bin/time -f "  %e s wall, %U s user, %M KB max RSS" \
    java -Xmx4g -cp "$CP" $MAIN "${FILES[@]}" --check-only > /dev/null
  echo "run $i: the whole report (read, analyse, write report.html, tables, DOT, Mermaid)"
  /usr/bin/time -f "  %e s wall, %U s user, %M KB max RSS" \
    java -Xmx4g -cp "$CP" $MAIN "${FILES[@]}" -q --timings -o "$DATA/report"
done
ls -la "$DATA/report"
