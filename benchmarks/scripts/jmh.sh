#!/usr/bin/env bash
# Builds the benchmarks module and runs JMH with the JVM flags yuelao needs (Chronicle, Vector API).
#
# usage: benchmarks/scripts/jmh.sh [JMH arguments...]     e.g.  benchmarks/scripts/jmh.sh PmiQueryBenchmark -jvmArgsAppend -Dyuelao.bench.store=STORE
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
. "$REPO/.mvn/jdk25.sh"
yuelao_use_jdk25
./mvnw -q -B -DskipTests -pl benchmarks -am package >&2
FLAGS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED -Dchronicle.analytics.disable=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow --add-modules=jdk.incubator.vector"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $FLAGS -cp "$BENCH/target/classes:$BENCH/target/lib/*" org.openjdk.jmh.Main -jvmArgsPrepend "$FLAGS" "$@"
