# The platform's services and their HTTP ports (sourced by start.sh and stop.sh).
SERVICES=(catalogue quality paths enrolments reimbursement monitoring gateway)
declare -A SERVICE_PORTS=([catalogue]=3101 [quality]=3102 [paths]=3103 [enrolments]=3104 [reimbursement]=3105 [monitoring]=3106 [gateway]=3000)
RUN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.local/run"
# V8 flags of every service process (the container image and Kubernetes set the same in NODE_OPTIONS): a small
# young generation keeps an idle service near 120 MB resident instead of ~155 MB; measured with
# tools/bench/service-footprint.sh.
SERVICE_NODE_OPTIONS="--max-semi-space-size=1"
