#!/usr/bin/env bash
# A single-node KRaft Kafka broker from the official Apache Kafka jars (Maven Central); see tools/kafka/README.md.
#   tools/kafka/kafka.sh start    start it, or reuse the one already running; waits until it answers
#   tools/kafka/kafka.sh stop     stop it cleanly (SIGTERM), keeping its data, whoever started it
#   tools/kafka/kafka.sh release  stop it only if the caller started it (see NAPL_INFRA_OWNER below)
#   tools/kafka/kafka.sh status   exit 0 when it answers
#   tools/kafka/kafka.sh reset    stop it and delete its data
# Data and logs live under .local/kafka (git-ignored). Environment:
#   NAPL_KAFKA_HOME             state folder (default .local/kafka): data, logs, server.properties, pid
#   NAPL_KAFKA_PORT             client port (default 19092)
#   NAPL_KAFKA_CONTROLLER_PORT  KRaft controller port (default 19093)
#   NAPL_KAFKA_LIBS             folder of the broker's jars (default .local/kafka-libs/<version>-<pom digest>)
#   NAPL_INFRA_OWNER            a token of the caller (e.g. the test script's pid): when `start` starts a new
#                               broker it records the token in <state>/started-by, and `release` stops the broker
#                               only when that file holds the same token. A reused broker keeps its record.
#   NAPL_KAFKA_CREDENTIALS      folder of the principals' passwords, one file per principal (default
#                               .local/kafka-credentials; shared by every broker of this checkout, made at first start)
# The broker authenticates every client (SASL SCRAM-SHA-512) and authorises it by ACLs: `start` provisions the users
# and ACLs of libs/messaging/src/kafka-access.ts (tools/kafka/kafka-access.ts, tools/kafka/Provision.java).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
state="${NAPL_KAFKA_HOME:-$root/.local/kafka}"
port="${NAPL_KAFKA_PORT:-19092}"
controller_port="${NAPL_KAFKA_CONTROLLER_PORT:-19093}"
kafka_version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")"
pom_sum="$(sha1sum "$here/pom.xml" | cut -d' ' -f1)"
# The jars are shared by every broker of this checkout (tests start brokers of their own). One folder per pom, so
# that a new pin never replaces the jars under a broker that still runs from the old ones.
libs="${NAPL_KAFKA_LIBS:-$root/.local/kafka-libs/$kafka_version-${pom_sum:0:8}}"
pidfile="$state/broker.pid"
marker="$state/started-by"
credentials="${NAPL_KAFKA_CREDENTIALS:-$root/.local/kafka-credentials}"
# What the last provisioning applied (a digest of the plan): a restart with the same plan skips it.
provisioned="$state/provisioned"
# The first line of server.properties: a broker whose file lacks it was started by a kafka.sh without authentication.
config_generation="# napl kafka.sh config 2: SASL SCRAM-SHA-512 and ACLs"

answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid; pid="$(cat "$pidfile")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  # A pid the system has since given to another program is not our broker.
  if [ -r "/proc/$pid/cmdline" ] && ! tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q 'kafka\.Kafka'; then return 1; fi
  echo "$pid"
}

jars_ready() { [ -f "$libs/.complete" ] && [ "$(cat "$libs/.complete")" = "$pom_sum" ]; }

fetch_jars() {
  # The pinned jars are fetched once; ~/.m2 caches them for every later checkout.
  jars_ready && return
  mkdir -p "$(dirname "$libs")"
  exec 9>"$libs.lock"; flock 9   # one fetch at a time
  if ! jars_ready; then
    echo "kafka: fetching the Kafka $kafka_version jars with Maven (pinned in tools/kafka/pom.xml)…"
    local tmp="$libs.tmp.$$"
    rm -rf "$tmp"; mkdir -p "$tmp"
    mvn -q -B -f "$here/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$tmp"
    echo "$pom_sum" > "$tmp/.complete"
    rm -rf "$libs"; mv "$tmp" "$libs"
  fi
  exec 9>&-
}

# The users and ACLs to provision, from the platform's definition; makes missing passwords on the way.
access_plan() {
  (cd "$root" && node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/kafka/kafka-access.ts plan "$credentials")
}

# The client listener's mechanisms: SCRAM-SHA-512, and PLAIN for the admin alone on a bootstrap start (see start).
client_mechanism() { if [ "${1:-}" = bootstrap ]; then echo PLAIN; else echo SCRAM-SHA-512; fi; }

write_config() {
  local admin_password mechanism; admin_password="$(cat "$credentials/admin")"; mechanism="$(client_mechanism "${1:-}")"
  mkdir -p "$state/data" "$state/logs"
  # Clients: SASL SCRAM-SHA-512 on the client port (users live in the cluster's metadata). Controller: SASL PLAIN
  # with the admin as its only user, written here: KRaft controllers cannot use SCRAM, whose users live in the
  # metadata they serve. Only User:admin is a super user; every other principal gets only what the ACLs allow.
  cat > "$state/server.properties" <<PROPS
$config_generation
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=CLIENT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=CLIENT://127.0.0.1:$port
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
sasl.mechanism.inter.broker.protocol=$mechanism
sasl.mechanism.controller.protocol=PLAIN
listener.name.client.sasl.enabled.mechanisms=$mechanism
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
listener.name.client.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password" user_admin="$admin_password";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password" user_admin="$admin_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
log.dirs=$state/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=-1
PROPS
  chmod 600 "$state/server.properties"
}

# Provision.java, compiled once per source and Kafka version next to the jars.
provision_classes() {
  local sum; sum="$(cat "$here/Provision.java" "$libs/.complete" | sha1sum | cut -c1-8)"
  local classes="$libs-provision-$sum"
  if [ ! -f "$classes/Provision.class" ]; then
    rm -rf "$classes.tmp.$$"; mkdir -p "$classes.tmp.$$"
    javac -nowarn -cp "$libs/*" -d "$classes.tmp.$$" "$here/Provision.java"
    mv -T "$classes.tmp.$$" "$classes" 2>/dev/null || rm -rf "$classes.tmp.$$"   # another start was quicker
  fi
  echo "$classes"
}

# Applies the users and ACLs to the running broker, unless this data folder got this very plan before.
provision() {
  # Each step checks its own result: callers test provision in an `if`, where bash ignores set -e.
  local plan sum; plan="$(access_plan)" || return 1
  # Per data folder: meta.properties holds the directory id a format made.
  sum="$( (printf '%s' "$plan"; cat "$state/data/meta.properties" 2>/dev/null) | sha1sum | cut -d' ' -f1)"
  [ "${1:-}" != bootstrap ] && [ -f "$provisioned" ] && [ "$(cat "$provisioned")" = "$sum" ] && return
  printf '%s\n' "$plan" | java -Xmx128m -XX:+UseSerialGC "-Dlog4j2.configurationFile=$here/log4j2.properties" \
    "-Dkafka.logs.dir=$state/logs" -cp "$libs/*:$(provision_classes)" \
    Provision "127.0.0.1:$port" "$(client_mechanism "${1:-}")" || return 1
  [ "${1:-}" = bootstrap ] || echo "$sum" > "$provisioned"
}

# A small heap and the serial GC suit a 2-core machine. Kafka 4 logs through log4j2.
java_opts=(-Xms256m -Xmx512m -XX:+UseSerialGC "-Dlog4j2.configurationFile=$here/log4j2.properties"
  "-Dkafka.logs.dir=$state/logs" -cp "$libs/*")
java_cmd() { java "${java_opts[@]}" "$@"; }

note_other_jars() {
  local cmd; cmd="$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null)" || return 0
  case "$cmd" in
    *"$libs/*"*) ;;
    *) echo "kafka: note: that broker runs from other jars than the Kafka $kafka_version pinned in tools/kafka/pom.xml;" \
         "stop it (tools/kafka/kafka.sh stop) and start it again to switch" ;;
  esac
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "kafka: already running (pid $pid) on 127.0.0.1:$port"; note_other_jars "$pid"
    if [ "$(head -1 "$state/server.properties" 2>/dev/null)" = "$config_generation" ]; then
      fetch_jars; provision
    else
      echo "kafka: note: that broker runs without authentication (started by an older kafka.sh); stop it" \
        "(tools/kafka/kafka.sh stop) and start it again to switch to SASL and ACLs"
    fi
    return
  fi
  if answers; then echo "kafka: something already answers on 127.0.0.1:$port; reusing it"; return; fi
  fetch_jars
  access_plan > /dev/null   # makes the passwords the first time
  # Users and ACLs live in the cluster's metadata. A new data folder is formatted with the admin's SCRAM credential;
  # one formatted without it (before kafka.sh had SASL) keeps its topics and gets a bootstrap start: the admin logs in
  # with PLAIN (its password in server.properties), provisions, and the broker restarts with SCRAM alone.
  local mode=""
  if [ -f "$state/data/meta.properties" ] && [ ! -f "$state/sasl-ready" ]; then
    mode=bootstrap; echo "kafka: $state was formatted without SASL: a bootstrap start adds the users and ACLs"
  fi
  write_config "$mode"
  # A stable cluster id per data folder, so a restart reuses the stored topics.
  [ -f "$state/cluster.id" ] || java_cmd kafka.tools.StorageTool random-uuid > "$state/cluster.id"
  if [ ! -f "$state/data/meta.properties" ]; then
    java_cmd kafka.tools.StorageTool format -t "$(cat "$state/cluster.id")" -c "$state/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=admin,iterations=8192,password=$(cat "$credentials/admin")]" >/dev/null
  fi
  local started; started=$(date +%s%N)
  nohup java "${java_opts[@]}" kafka.Kafka "$state/server.properties" < /dev/null > "$state/logs/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  # Who started this broker: `release` stops it only for the same token.
  if [ -n "${NAPL_INFRA_OWNER:-}" ]; then echo "$NAPL_INFRA_OWNER" > "$marker"; else rm -f "$marker"; fi
  for _ in $(seq 1 120); do
    if answers; then
      if ! provision "$mode"; then
        # Left running, a bootstrap broker would still take the admin's PLAIN login on the client port.
        [ "$mode" = bootstrap ] && stop_quietly
        echo "kafka: provisioning users and ACLs failed; see above" >&2; exit 1
      fi
      if [ "$mode" = bootstrap ]; then
        touch "$state/sasl-ready"; stop_quietly; start; return
      fi
      touch "$state/sasl-ready"
      echo "kafka: Kafka $kafka_version ready on 127.0.0.1:$port (SASL SCRAM-SHA-512, ACLs) in" \
        "$(( ($(date +%s%N) - started) / 1000000 )) ms (pid $(cat "$pidfile"))"
      return
    fi
    # Whether the process we just launched still lives: not running_pid, whose check of the command line fails in
    # the moment between the fork and the exec of java (a broker then looked dead while it was starting).
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      rm -f "$marker" "$pidfile"
      echo "kafka: broker exited; see $state/logs" >&2; tail -20 "$state/logs/stdout.log" "$state/logs/broker.log" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  echo "kafka: broker did not answer within 60 s; see $state/logs" >&2; exit 1
}

stop_quietly() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "kafka: broker did not stop in 30 s; killing" >&2; kill -KILL "$pid"; fi
    rm -f "$pidfile"
  fi
}

stop() {
  if running_pid > /dev/null; then stop_quietly; echo "kafka: stopped"; else echo "kafka: not running"; fi
  rm -f "$marker"
}

release() {
  local owner="${NAPL_INFRA_OWNER:-}" recorded=""
  [ -f "$marker" ] && recorded="$(cat "$marker")"
  if [ -n "$owner" ] && [ "$recorded" = "$owner" ]; then
    echo "kafka: stopping the broker this run started"
    stop
  elif running_pid >/dev/null || answers; then
    echo "kafka: leaving the broker on 127.0.0.1:$port running (this run did not start it)"
  else
    echo "kafka: not running; nothing to release"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  release) release ;;
  status) answers && echo "kafka: answers on 127.0.0.1:$port" ;;
  reset) stop; rm -rf "$state/data" "$state/cluster.id" "$state/server.properties" "$provisioned" "$state/sasl-ready"; echo "kafka: data deleted" ;;
  *) echo "usage: $0 start|stop|release|status|reset" >&2; exit 2 ;;
esac
