#!/usr/bin/env bash
# The infrastructure the platform runs on, on this machine:
#   tools/infra.sh up       Postgres (the local server, started when it is down) and the project's Kafka broker
#   tools/infra.sh release  stop the Kafka broker only if this caller's `up` started it (see below)
#   tools/infra.sh down     stop the Kafka broker, whoever started it (Postgres is the machine's own and stays up)
# With DATABASE_URL or KAFKA_BROKERS set, that infrastructure is someone else's: it is only checked.
# Ownership: a caller that exports NAPL_INFRA_OWNER=<token> (the test command uses its pid) gets its token recorded
# when `up` starts a new broker; `release` with the same token stops that broker, and leaves alone a broker that
# `up` found already running (someone else's, or the developer's `npm start`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

postgres_up() {
  if [ -n "${DATABASE_URL:-}" ]; then echo "postgres: using DATABASE_URL"; return; fi
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then echo "postgres: answers on 127.0.0.1:5432"; return; fi
  local version
  version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)"
  if [ -z "$version" ]; then
    echo "postgres: nothing answers on 127.0.0.1:5432 and no local cluster is installed; set DATABASE_URL" >&2
    exit 1
  fi
  echo "postgres: starting the local cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  echo "postgres: did not answer within 30 s" >&2; exit 1
}

kafka_up() {
  if [ -n "${KAFKA_BROKERS:-}" ]; then echo "kafka: using KAFKA_BROKERS=$KAFKA_BROKERS"; return; fi
  bash "$root/tools/kafka/kafka.sh" start
}

case "${1:-}" in
  up) postgres_up; kafka_up ;;
  release) bash "$root/tools/kafka/kafka.sh" release ;;
  down) bash "$root/tools/kafka/kafka.sh" stop ;;
  *) echo "usage: $0 up|release|down" >&2; exit 2 ;;
esac
