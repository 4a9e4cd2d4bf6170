#!/usr/bin/env bash
# Benchmark: layerlens analyze against the floor of merely listing the same layer tars (tar -tvf, which
# seeks past contents), of hashing them (sha256sum: what verifying diffIDs must do) and of gunzipping them.
# The image's files are random printable text: the worst case for the secrets audit, which reads
# every text file (binaries are skipped), hence the rows with --no-file-secrets.
# Generates the image once (bench/out), warms the page cache, runs each command RUNS times and
# prints the median wall time and peak RSS, and the ratios to the floor.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=bench/out
runs=${RUNS:-3}
jobs=$(nproc)

mvn -q -B -ntp -DskipTests package -pl cli -am
if [ ! -f "$out/bench-docker.tar" ] || [ ! -d "$out/bench-oci-gzip" ]; then
  mvn -q -B -ntp -pl testdata dependency:build-classpath -Dmdep.outputFile="$PWD/$out.cp" >/dev/null
  java -Xmx10g -cp "testdata/target/classes:$(cat "$out.cp")" bench/BenchImage.java "$out"
  rm -f "$out.cp"
fi
# the floor reads the same layer tars the archive holds, as files of their own
if [ ! -d "$out/layers" ]; then
  mkdir -p "$out/layers"
  tar -C "$out/layers" -xf "$out/bench-docker.tar" --wildcards '*/layer.tar'
fi
gzip_blobs=$(python3 - "$out/bench-oci-gzip" <<'PY'
import json, sys, os
root = sys.argv[1]
def blob(d): return os.path.join(root, "blobs", *d.split(":"))
index = json.load(open(os.path.join(root, "index.json")))
manifest = json.load(open(blob(index["manifests"][0]["digest"])))
print(" ".join(blob(l["digest"]) for l in manifest["layers"]))
PY
)
layer_tars=$(find "$out/layers" -name layer.tar | sort)

cat "$out/bench-docker.tar" $gzip_blobs > /dev/null   # measure CPU, not the disk

# median of RUNS runs of "%e %M" (seconds, KB)
measure() {
  local samples=() tmp
  tmp=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp" -f '%e %M' "$@" > /dev/null 2>&1
    samples+=("$(tail -1 "$tmp")")
  done
  rm -f "$tmp"
  printf '%s\n' "${samples[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
list_tars() { printf '%s\n' $layer_tars | xargs -P "$jobs" -n 1 tar -tvf > /dev/null; }
# verifying a layer's diffID means hashing every byte of it: the floor of the rows that verify
hash_tars() { printf '%s\n' $layer_tars | xargs -P "$jobs" -n 1 sha256sum > /dev/null; }
list_gzip() { printf '%s\n' $gzip_blobs | xargs -P "$jobs" -I{} sh -c 'gzip -dc "$1" | tar -t > /dev/null' _ {}; }
export -f list_tars hash_tars list_gzip
export layer_tars gzip_blobs jobs

files=$(for t in $layer_tars; do tar -tf "$t"; done | grep -vc '/$' || true)
bytes=$(stat -c %s "$out/bench-docker.tar")
echo "image: $(echo "$layer_tars" | wc -l) layers, $files entries that are not directories, docker-archive $bytes bytes; $runs runs, median; $jobs cores"
printf '%-44s %9s %10s %12s %12s\n' "command" "wall s" "peak RSS" "wall ratio" "RSS ratio"
row() { # label floor_wall floor_rss result
  local wall rss
  read -r wall rss <<< "$4"
  awk -v l="$1" -v w="$wall" -v r="$rss" -v fw="$2" -v fr="$3" \
    'BEGIN { printf "%-44s %9.2f %8.1f MB %11.2fx %11.2fx\n", l, w, r/1024, w/fw, r/fr }'
}
read -r tar_wall tar_rss <<< "$(measure bash -c list_tars)"
row "floor: tar -tvf, layer tars (-P $jobs)" "$tar_wall" "$tar_rss" "$tar_wall $tar_rss"
row "analyze --no-verify --no-file-secrets (seek)" "$tar_wall" "$tar_rss" "$(measure ./layerlens analyze --no-verify --no-file-secrets -f json "$out/bench-docker.tar")"
read -r sha_wall sha_rss <<< "$(measure bash -c hash_tars)"
row "floor: sha256sum, layer tars (-P $jobs)" "$sha_wall" "$sha_rss" "$sha_wall $sha_rss"
row "analyze (verify, every check)" "$sha_wall" "$sha_rss" "$(measure ./layerlens analyze -f json "$out/bench-docker.tar")"
row "analyze --no-file-secrets (verify)" "$sha_wall" "$sha_rss" "$(measure ./layerlens analyze --no-file-secrets -f json "$out/bench-docker.tar")"
read -r gz_wall gz_rss <<< "$(measure bash -c list_gzip)"
row "floor: gzip -dc | tar -t, gzip blobs (-P $jobs)" "$gz_wall" "$gz_rss" "$gz_wall $gz_rss"
row "analyze oci gzip (verify, every check)" "$gz_wall" "$gz_rss" "$(measure ./layerlens analyze -f json "oci:$out/bench-oci-gzip:1")"
row "analyze oci gzip --no-file-secrets" "$gz_wall" "$gz_rss" "$(measure ./layerlens analyze --no-file-secrets -f json "oci:$out/bench-oci-gzip:1")"
