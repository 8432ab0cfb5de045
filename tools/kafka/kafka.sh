#!/usr/bin/env bash
# A single-node KRaft Kafka broker from the official Apache Kafka jars (Maven Central).
#   tools/kafka/kafka.sh start   start it, or reuse the one already running; waits until it answers
#   tools/kafka/kafka.sh stop    stop it cleanly (SIGTERM), keeping its data
#   tools/kafka/kafka.sh status  exit 0 when it answers
#   tools/kafka/kafka.sh reset   stop it and delete its data
# Data and logs live under .local/kafka (git-ignored).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${NAPL_KAFKA_HOME:-$root/.local/kafka}"
port="${NAPL_KAFKA_PORT:-19092}"
controller_port="${NAPL_KAFKA_CONTROLLER_PORT:-19093}"
# The jars are shared by every broker of this checkout (tests start brokers of their own).
libs="${NAPL_KAFKA_LIBS:-$root/.local/kafka/libs}"
pidfile="$state/broker.pid"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid; pid="$(cat "$pidfile")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

fetch_jars() {
  # The pinned jars are fetched once; ~/.m2 caches them for every later checkout.
  if [ -f "$libs/.complete" ] && [ "$(cat "$libs/.complete")" = "$(sha1sum "$here/pom.xml" | cut -d' ' -f1)" ]; then return; fi
  echo "kafka: fetching the broker jars with Maven (pinned in tools/kafka/pom.xml)…"
  rm -rf "$libs"; mkdir -p "$libs"
  mvn -q -B -f "$here/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$libs"
  sha1sum "$here/pom.xml" | cut -d' ' -f1 > "$libs/.complete"
}

write_config() {
  mkdir -p "$state/data" "$state/logs"
  cat > "$state/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$state/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=-1
PROPS
}

# A small heap and the serial GC suit a 2-core machine.
java_opts=(-Xms256m -Xmx512m -XX:+UseSerialGC "-Dlog4j.configuration=file:$here/log4j.properties"
  "-Dkafka.logs.dir=$state/logs" -cp "$libs/*")
java_cmd() { java "${java_opts[@]}" "$@"; }

start() {
  if pid="$(running_pid)"; then echo "kafka: already running (pid $pid) on 127.0.0.1:$port"; return; fi
  if answers; then echo "kafka: something already answers on 127.0.0.1:$port; reusing it"; return; fi
  fetch_jars
  write_config
  # A stable cluster id per data folder, so a restart reuses the stored topics.
  [ -f "$state/cluster.id" ] || java_cmd kafka.tools.StorageTool random-uuid > "$state/cluster.id"
  java_cmd kafka.tools.StorageTool format -t "$(cat "$state/cluster.id")" -c "$state/server.properties" --ignore-formatted >/dev/null
  local started; started=$(date +%s%N)
  nohup java "${java_opts[@]}" kafka.Kafka "$state/server.properties" > "$state/logs/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    if answers; then
      echo "kafka: broker ready on 127.0.0.1:$port in $(( ($(date +%s%N) - started) / 1000000 )) ms (pid $(cat "$pidfile"))"
      return
    fi
    if ! running_pid >/dev/null; then echo "kafka: broker exited; see $state/logs" >&2; tail -20 "$state/logs/stdout.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "kafka: broker did not answer within 60 s; see $state/logs" >&2; exit 1
}

stop() {
  if pid="$(running_pid)"; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "kafka: broker did not stop in 30 s; killing" >&2; kill -KILL "$pid"; fi
    rm -f "$pidfile"; echo "kafka: stopped"
  else
    echo "kafka: not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answers && echo "kafka: answers on 127.0.0.1:$port" ;;
  reset) stop; rm -rf "$state/data" "$state/cluster.id" "$state/server.properties"; echo "kafka: data deleted" ;;
  *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
