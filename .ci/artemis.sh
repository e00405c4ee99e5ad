#!/usr/bin/env bash
# An external Apache Artemis broker for the production-mode and fault tests (the *IT tests).
#
#   .ci/artemis.sh start   fetch the distribution from Maven Central (once), create the instance (once), start it
#   .ci/artemis.sh stop    stop it (also used by the fault tests through HUB_IT_ARTEMIS_CTL to restart it)
#   .ci/artemis.sh env     print the HUB_IT_* variables the tests read
#
# The instance lives under .ci/work/artemis (ignored by git; a clean clone starts from nothing). It listens on 127.0.0.1 only,
# requires a login, and has no AMQP, MQTT, STOMP or HornetQ acceptor (those ports are taken on CI machines)
# and no web console.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION="${ARTEMIS_VERSION:-2.40.0}"
BASE="$(pwd)/.ci/work/artemis"
HOME_DIR="$BASE/apache-artemis-$VERSION"
INSTANCE="$BASE/instance"
PORT="${HUB_IT_ARTEMIS_PORT:-61616}"
USER_NAME="${HUB_IT_ARTEMIS_USER:-hub}"
PASSWORD="${HUB_IT_ARTEMIS_PASSWORD:-hub-ci-password}"

fetch() {
  [ -x "$HOME_DIR/bin/artemis" ] && return
  mkdir -p "$BASE"
  mvn -B -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:$VERSION:tar.gz:bin" -DoutputDirectory="$BASE"
  tar xzf "$BASE/apache-artemis-$VERSION-bin.tar.gz" -C "$BASE"
}

create() {
  [ -f "$INSTANCE/etc/broker.xml" ] && return
  "$HOME_DIR/bin/artemis" create "$INSTANCE" --silent --force \
    --user "$USER_NAME" --password "$PASSWORD" --require-login \
    --host 127.0.0.1 --default-port "$PORT" --no-web --no-autotune --java-memory 768M \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor
  # The hub's queues (hub.#): broker-side redelivery backs off and ends on the DLQ, which the hub drains into
  # its own dead-letter store. Same values as the embedded broker (io.legalhub.messaging.BrokerConfiguration).
  local settings='      <address-setting match="hub.#">\
         <dead-letter-address>DLQ</dead-letter-address>\
         <expiry-address>ExpiryQueue</expiry-address>\
         <redelivery-delay>1000</redelivery-delay>\
         <redelivery-delay-multiplier>2</redelivery-delay-multiplier>\
         <max-redelivery-delay>30000</max-redelivery-delay>\
         <max-delivery-attempts>50</max-delivery-attempts>\
         <auto-create-queues>true</auto-create-queues>\
         <auto-create-addresses>true</auto-create-addresses>\
      </address-setting>'
  sed -i "s|<address-settings>|<address-settings>\n$settings|" "$INSTANCE/etc/broker.xml"
  grep -q 'match="hub.#"' "$INSTANCE/etc/broker.xml"
}

running() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

start() {
  fetch
  create
  if running; then
    echo "Artemis already listening on 127.0.0.1:$PORT"
    return
  fi
  nohup "$INSTANCE/bin/artemis" run >>"$INSTANCE/log/console.out" 2>&1 &
  echo $! >"$INSTANCE/data.pid"
  for _ in $(seq 1 120); do
    if running; then
      echo "Artemis $VERSION started on 127.0.0.1:$PORT (instance $INSTANCE)"
      return
    fi
    sleep 0.5
  done
  echo "Artemis did not start within 60 s; its log:" >&2
  tail -50 "$INSTANCE/log/artemis.log" >&2 || true
  exit 1
}

stop() {
  [ -f "$INSTANCE/data.pid" ] || return 0
  local pid
  pid="$(cat "$INSTANCE/data.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$INSTANCE/data.pid"
}

env_vars() {
  echo "export HUB_IT_ARTEMIS_URL='tcp://127.0.0.1:$PORT'"
  echo "export HUB_IT_ARTEMIS_USER='$USER_NAME'"
  echo "export HUB_IT_ARTEMIS_PASSWORD='$PASSWORD'"
  echo "export HUB_IT_ARTEMIS_CTL='$(pwd)/.ci/artemis.sh'"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) env_vars ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
