# The platform's services and their HTTP ports (sourced by start.sh and stop.sh).
SERVICES=(catalogue quality paths enrolments reimbursement monitoring gateway)
declare -A SERVICE_PORTS=([catalogue]=3101 [quality]=3102 [paths]=3103 [enrolments]=3104 [reimbursement]=3105 [monitoring]=3106 [gateway]=3000)
RUN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local/run"
# V8 flags of every service process (the container image and Kubernetes set the same in NODE_OPTIONS): a small
# young generation keeps an idle service near 120 MB resident instead of ~155 MB; measured with
# tools/bench/service-footprint.sh.
SERVICE_NODE_OPTIONS="--max-semi-space-size=1"
# Each service logs in to Kafka as its own principal, which may write only its topics and read only what it consumes
# (libs/messaging/src/kafka-access.ts); tools/kafka/kafka.sh keeps the passwords in .local/kafka-credentials. Prints
# the settings for `env`; nothing when KAFKA_SASL_USERNAME is set already (someone else's broker, see README).
KAFKA_CREDENTIALS_DIR="${NAPL_KAFKA_CREDENTIALS:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local/kafka-credentials}"
service_kafka_env() {
  [ -n "${KAFKA_SASL_USERNAME:-}" ] && return
  if [ ! -f "$KAFKA_CREDENTIALS_DIR/$1" ]; then
    [ -n "${KAFKA_BROKERS:-}" ] && return   # someone else's broker, without authentication
    echo "kafka: no password for $1 in $KAFKA_CREDENTIALS_DIR; run tools/kafka/kafka.sh start" >&2; return 1
  fi
  echo "KAFKA_SASL_USERNAME=$1 KAFKA_SASL_PASSWORD=$(cat "$KAFKA_CREDENTIALS_DIR/$1")"
}
