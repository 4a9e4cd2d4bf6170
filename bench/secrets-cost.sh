#!/usr/bin/env bash
# The cost of the secrets audit on the benchmark image: analysis time with and without the secrets
# check, in one JVM, alternating runs (see SecretsCost.java). Generates the image like run.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/out
runs=${RUNS:-5}
mvn -q -B -ntp -DskipTests package -pl cli -am
if [ ! -f "$out/bench-docker.tar" ] || [ ! -d "$out/bench-oci-gzip" ]; then
  mvn -q -B -ntp -pl testdata dependency:build-classpath -Dmdep.outputFile="$PWD/$out.cp" >/dev/null
  java -Xmx10g -cp "testdata/target/classes:$(cat "$out.cp")" bench/BenchImage.java "$out"
  rm -f "$out.cp"
fi
for args in "$out/bench-docker.tar verify" "$out/bench-docker.tar noverify" "oci:$out/bench-oci-gzip:1 verify"; do
  echo "== $args"
  # shellcheck disable=SC2086
  java -Xmx2g -cp cli/target/layerlens.jar bench/SecretsCost.java $args "$runs" | grep -v '^run '
done
