#!/usr/bin/env bash
# Times the CX report on 10 million interactions and 1 million survey responses with -Xmx4g
# (issue #7's target: under a minute on 2 cores), against the cost of just reading and
# validating the same files (--check-only); then the whole four-file data set (3,000,000
# customers, about 10 M interactions, 1.5 M responses, 3.8 M transactions).
#
#   cx-benchmarks/scripts/report-large.sh [DATA_DIR] [RUNS]
#
# The data (about 1 GB of CSV) are generated once into DATA_DIR (default target/cx-large) by the
# sample generator, which needs a 16 GB heap for a few minutes; later runs reuse them.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=${1:-target/cx-large}
RUNS=${2:-1}
./mvnw -q -DskipTests -Dmaven.javadoc.skip install -pl cx-report -am
./mvnw -q -pl cx-report dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -DincludeScope=runtime
CP="cx-report/target/classes:$(cat cx-report/target/classpath.txt)"
MAIN=org.cx4j.report.cli.CxReportCommand
if [ ! -f "$DATA/transactions.csv" ]; then
  java -Xmx16g -cp "$CP" $MAIN sample --customers 3000000 -o "$DATA"
fi
head -1000001 "$DATA/responses.csv" > "$DATA/responses-1m.csv"
wc -l "$DATA"/*.csv
TARGET=(--interactions "$DATA/interactions.csv" --responses "$DATA/responses-1m.csv")
ALL=(--customers "$DATA/customers.csv" --interactions "$DATA/interactions.csv"
     --responses "$DATA/responses.csv" --transactions "$DATA/transactions.csv")
T="  %e s wall, %U s user, %M KB max RSS"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for i in $(seq 1 "$RUNS"); do
  echo "run $i, 10 M interactions + 1 M responses: read and validate only (--check-only)"
  /usr/bin/time -f "$T" java -Xmx4g -cp "$CP" $MAIN "${TARGET[@]}" --check-only > /dev/null
  echo "run $i, 10 M interactions + 1 M responses: the whole report"
  /usr/bin/time -f "$T" java -Xmx4g -cp "$CP" $MAIN "${TARGET[@]}" -q --timings -o "$DATA/report"
  echo "run $i, all four files: the whole report"
  /usr/bin/time -f "$T" java -Xmx4g -cp "$CP" $MAIN "${ALL[@]}" -q --timings -o "$DATA/report-all"
done
