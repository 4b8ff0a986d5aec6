#!/usr/bin/env bash
# Builds the benchmarks module and runs one of its main classes with the JVM flags yuelao needs.
#
# usage: benchmarks/scripts/java.sh CLASS [args...]    e.g. benchmarks/scripts/java.sh yuelao.benchmarks.storage.LookupRoles STORE WORKDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO"
. "$REPO/.mvn/jdk25.sh"
yuelao_use_jdk25
./mvnw -q -B -DskipTests -pl benchmarks -am package >&2
FLAGS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED -Dchronicle.analytics.disable=true --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow --add-modules=jdk.incubator.vector"
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $FLAGS -Xmx8g -cp "$BENCH/target/classes:$BENCH/target/lib/*" "$@"
