# Finds a JDK 25 or newer for the build (./mvnw) and the launcher (./yuelao); POSIX sh, meant to be sourced.
# Order: JAVA_HOME, the java on PATH, then the standard JVM folders. Prints one line and fails if none is found.

yuelao_java_major() {  # feature version of the java binary $1, or nothing
  # The JDK's release file names its version without starting a JVM (about 0.15 s saved on every launch);
  # asking the binary itself is the fallback for a JDK without one.
  _release="$(dirname "$(dirname "$1")")/release"
  if [ -r "$_release" ]; then
    _rv=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$_release" | head -n 1)
    if [ -n "$_rv" ]; then
      echo "$_rv"
      return 0
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

yuelao_find_jdk25() {
  _path_java=$(command -v java 2>/dev/null || true)
  _path_home=""
  [ -n "$_path_java" ] && _path_home=$(dirname "$(dirname "$(readlink -f "$_path_java")")")
  for _cand in "${JAVA_HOME:-}" "$_path_home" /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$_cand" ] && [ -x "$_cand/bin/java" ] && [ -x "$_cand/bin/javac" ] || continue
    _v=$(yuelao_java_major "$_cand/bin/java")
    if [ -n "$_v" ] && [ "$_v" -ge 25 ]; then
      echo "$_cand"
      return 0
    fi
  done
  return 1
}

# Exports JAVA_HOME as a JDK 25+, or prints what to install and returns 1.
yuelao_use_jdk25() {
  if _jdk=$(yuelao_find_jdk25); then
    JAVA_HOME="$_jdk"
    export JAVA_HOME
    return 0
  fi
  echo "yuelao: no JDK 25 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm): install one (e.g. Temurin 25: apt-get install temurin-25-jdk) or set JAVA_HOME" >&2
  return 1
}
