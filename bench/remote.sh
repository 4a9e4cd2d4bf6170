#!/usr/bin/env bash
# Benchmark: one ~100 MB image analysed from each source (the Docker daemon, a docker save archive,
# a registry), beside the floor of merely moving its bytes: `docker save > /dev/null` for the daemon,
# curl of the manifest and every blob for the registry. Builds the image (FROM scratch, four layers of
# random bytes, so the registry's gzip cannot shrink them), starts Debian's docker-registry on a free
# port, pushes, then runs each command RUNS times and prints the median wall time and peak RSS.
# Needs: a Docker daemon, docker-registry, curl, python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${RUNS:-3}
mb=${MB:-25}          # per layer; four layers
out=bench/out/remote
tag=layerlens-bench/remote:$((mb * 4))mb
mkdir -p "$out"

mvn -q -B -ntp -DskipTests package -pl cli -am
jar=cli/target/layerlens.jar
layerlens() { java -XX:+UseSerialGC -Xlog:disable -Xlog:all=error:stderr -jar "$jar" "$@"; }
export -f layerlens
export jar

# --- the image -------------------------------------------------------------------------------------
if ! docker image inspect "$tag" > /dev/null 2>&1; then
  ctx="$out/context"
  rm -rf "$ctx"; mkdir -p "$ctx"
  printf 'FROM scratch\n' > "$ctx/Dockerfile"
  for i in 1 2 3 4; do
    head -c "$((mb * 1000 * 1000))" /dev/urandom > "$ctx/part$i.bin"
    printf 'COPY part%s.bin /data/part%s.bin\n' "$i" "$i" >> "$ctx/Dockerfile"
  done
  DOCKER_BUILDKIT=0 docker build -q -t "$tag" "$ctx" > /dev/null
  rm -rf "$ctx"
fi

# --- a registry holding it -------------------------------------------------------------------------
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
reg="$out/registry"
rm -rf "$reg"; mkdir -p "$reg"
cat > "$reg/config.yml" <<EOF
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $PWD/$reg/storage}}
http: {addr: 127.0.0.1:$port}
EOF
docker-registry serve "$reg/config.yml" > "$reg/log" 2>&1 &
registry_pid=$!
trap 'kill "$registry_pid" 2> /dev/null || true; rm -f "$out/saved.tar"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/v2/" > /dev/null && break; sleep 0.2; done
remote="127.0.0.1:$port/bench/remote:1"
docker tag "$tag" "$remote"
docker push -q "$remote" > /dev/null
docker rmi "$remote" > /dev/null

accept='application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json'
blobs=$(curl -fs -H "Accept: $accept" "http://127.0.0.1:$port/v2/bench/remote/manifests/1" | python3 -c '
import json, sys
m = json.load(sys.stdin)
print(" ".join([m["config"]["digest"]] + [l["digest"] for l in m["layers"]]))')
registry_bytes=$(curl -fs -H "Accept: $accept" "http://127.0.0.1:$port/v2/bench/remote/manifests/1" | python3 -c '
import json, sys
print(sum(l["size"] for l in json.load(sys.stdin)["layers"]))')
export port blobs accept tag remote out

# --- the commands ----------------------------------------------------------------------------------
measure() { # median of RUNS runs of "%e %M" (seconds, KB)
  local samples=() tmp
  tmp=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$tmp" -f '%e %M' bash -c "$1" > /dev/null 2>&1
    samples+=("$(tail -1 "$tmp")")
  done
  rm -f "$tmp"
  printf '%s\n' "${samples[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}
floor_save='docker save "$tag" > /dev/null'
floor_curl='curl -fs -H "Accept: $accept" "http://127.0.0.1:$port/v2/bench/remote/manifests/1" > /dev/null;
  printf "%s\n" $blobs | xargs -P 3 -I{} curl -fs -o /dev/null "http://127.0.0.1:$port/v2/bench/remote/blobs/{}"'
daemon='layerlens analyze -f json docker-daemon:"$tag"'
save_then_archive='docker save -o "$out/saved.tar" "$tag" && layerlens analyze -f json "$out/saved.tar"; rm -f "$out/saved.tar"'
docker save -o "$out/archive.tar" "$tag"
archive='layerlens analyze -f json "$out/archive.tar"'
registry='layerlens analyze -f json docker://"$remote"'
small_heap='java -Xmx48m -XX:+UseSerialGC -jar "$jar" analyze -f json docker-daemon:"$tag"'
small_heap_registry='java -Xmx48m -XX:+UseSerialGC -jar "$jar" analyze -f json docker://"$remote"'
layers_daemon='layerlens layers -f json docker-daemon:"$tag"'
layers_registry='layerlens layers -f json docker://"$remote"'

echo "image $tag: 4 layers of $mb MB of random bytes; registry blobs $registry_bytes bytes (gzip);"
echo "$runs runs each, median; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-52s %8s %10s %9s\n' "command" "wall s" "peak RSS" "vs floor"
row() { # label result floor_wall
  local wall rss
  read -r wall rss <<< "$2"
  awk -v l="$1" -v w="$wall" -v r="$rss" -v f="$3" \
    'BEGIN { printf "%-52s %8.2f %7.1f MB %8s\n", l, w, r/1024, (f == "" ? "" : sprintf("%.2fx", w/f)) }'
}
fs=$(measure "$floor_save"); read -r fs_wall _ <<< "$fs"
fc=$(measure "$floor_curl"); read -r fc_wall _ <<< "$fc"
row "floor: docker save > /dev/null" "$fs" ""
row "floor: curl manifest + blobs (3 at once)" "$fc" ""
row "analyze docker-daemon: (save streamed through)" "$(measure "$daemon")" "$fs_wall"
row "docker save -o x.tar, then analyze x.tar" "$(measure "$save_then_archive")" "$fs_wall"
row "analyze x.tar (already saved)" "$(measure "$archive")" "$fs_wall"
row "analyze docker:// (registry)" "$(measure "$registry")" "$fc_wall"
row "analyze docker-daemon: in a 48 MB heap (-Xmx48m)" "$(measure "$small_heap")" "$fs_wall"
row "analyze docker:// in a 48 MB heap (-Xmx48m)" "$(measure "$small_heap_registry")" "$fc_wall"
row "layers docker-daemon: (inspect + history)" "$(measure "$layers_daemon")" ""
row "layers docker:// (manifest + config)" "$(measure "$layers_registry")" ""
rm -f "$out/archive.tar"
