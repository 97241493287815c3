#!/usr/bin/env bash
# A real single-node Kafka (KRaft, broker + controller) on 127.0.0.1 without Docker:
# jars from Maven Central, started with java. Usage: kafka.sh start|stop|status|reset
# KAFKA_VERSION picks another release (default: the pom's, the 4.x line; 3.9.x still works).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
home="${REGIE_KAFKA_HOME:-$repo/.local/kafka}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
libs="$home/libs"
pidfile="$home/kafka.pid"
log="$home/server.log"
classpath="$libs/*"

version="${KAFKA_VERSION:-$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$here/pom.xml")}"
major="${version%%.*}"

fetch() {
  if [ -f "$libs/.complete-$version" ]; then return; fi
  echo "fetching Kafka $version and its runtime dependencies from Maven Central..."
  rm -rf "$libs" && mkdir -p "$libs"
  local profile=kafka4
  if [ "$major" -lt 4 ]; then profile=kafka3; fi
  mvn -q -B -f "$here/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs" \
    -Dkafka.version="$version" -P "$profile"
  touch "$libs/.complete-$version"
}

# Kafka 4 logs through log4j2, 3.x through reload4j: one configuration each, both to $log.
log_options() {
  if [ "$major" -lt 4 ]; then
    echo "-Dlog4j.configuration=file:$home/log4j.properties"
  else
    echo "-Dlog4j2.configurationFile=file:$home/log4j2.properties"
  fi
}

configure() {
  mkdir -p "$home/data"
  cat > "$home/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$home/data
num.partitions=6
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=24
PROPS
  cat > "$home/log4j.properties" <<PROPS
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
PROPS
  cat > "$home/log4j2.properties" <<PROPS
appender.file.type=File
appender.file.name=file
appender.file.fileName=$log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
logger.kafka.name=kafka
logger.kafka.level=INFO
logger.apache.name=org.apache.kafka
logger.apache.level=WARN
PROPS
  if [ ! -f "$home/data/meta.properties" ]; then
    local cluster
    cluster="$(java -cp "$classpath" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    java "$(log_options)" -cp "$classpath" kafka.tools.StorageTool format \
      -t "$cluster" -c "$home/server.properties" --ignore-formatted >/dev/null
  fi
}

running() {
  [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null
}

answering() {
  running && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null &&
    grep -q "Kafka Server started\|KafkaRaftServer.*started\|\[KafkaRaftServer nodeId=1\] Kafka Server started" "$log" 2>/dev/null
}

start() {
  if answering; then echo "Kafka already running on 127.0.0.1:$port"; return; fi
  if running; then stop; fi
  fetch
  configure
  : > "$log"
  nohup java -Xms256m -Xmx768m -XX:+UseG1GC -Djava.awt.headless=true \
    "$(log_options)" -Dkafka.logs.dir="$home" \
    -cp "$classpath" kafka.Kafka "$home/server.properties" > "$home/stdout.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 240); do
    if answering; then echo "Kafka $(ls "$libs" | sed -n 's/^kafka_2.13-\(.*\)\.jar$/\1/p') on 127.0.0.1:$port"; return; fi
    if ! running; then break; fi
    sleep 0.5
  done
  echo "Kafka did not start; last lines of $log and $home/stdout.log:" >&2
  tail -n 30 "$log" "$home/stdout.log" >&2 || true
  stop || true
  exit 1
}

stop() {
  if ! running; then rm -f "$pidfile"; return; fi
  local pid
  pid="$(cat "$pidfile")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$pidfile"
  echo "Kafka stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if answering; then echo "up on 127.0.0.1:$port"; else echo "down"; exit 1; fi ;;
  reset) stop; rm -rf "$home/data" "$home/server.properties"; echo "Kafka data removed" ;;
  *) echo "usage: $0 start|stop|status|reset" >&2; exit 2 ;;
esac
