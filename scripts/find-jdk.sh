#!/usr/bin/env bash
# Sourced by ./fleetcast, .ci/run and benchmarks/run.sh: sets JAVA_HOME to a JDK 21+ and puts it first on
# PATH; FLEETCAST_JDK_VERSION holds its JAVA_VERSION (for example 25.0.3).
# Order: JAVA_HOME, then `java` on PATH, then the newest JDK in the standard JVM folders.
#
# The version comes from the JDK's `release` file (JAVA_VERSION="21.0.2"), never from starting a JVM: a
# probe JVM cost 0.25 CPU s per candidate (four of them when the first `java` on PATH was a 17), and on a
# loaded machine a probe that timed out made the launcher say it needed a JDK 21 while one was there.

# prints the JAVA_VERSION of the JDK at $1 (from $1/release), or nothing
fleetcast_jdk_version() {
  local line
  [ -r "$1/release" ] || return 0
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      JAVA_VERSION=*) line=${line#JAVA_VERSION=}; line=${line//\"/}; printf '%s\n' "$line"; return 0 ;;
    esac
  done <"$1/release"
}

# prints the feature version (21 for "21.0.2", 8 for "1.8.0_402") of the JDK at $1, or 0
fleetcast_java_major() {
  local v
  v=$(fleetcast_jdk_version "$1")
  case "$v" in
    1.*) echo 0 ;;
    [0-9]*) v=${v%%[!0-9]*}; echo "${v:-0}" ;;
    *) echo 0 ;;
  esac
}

# true when $1 is a JDK 21+ with java and javac (the launcher may have to build the jar)
fleetcast_usable_jdk() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(fleetcast_java_major "$1")" -ge 21 ]
}

fleetcast_find_jdk() {
  local candidate best="" best_major=0 m
  if [ -n "${JAVA_HOME:-}" ] && fleetcast_usable_jdk "$JAVA_HOME"; then
    echo "$JAVA_HOME"; return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if fleetcast_usable_jdk "$candidate"; then echo "$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    m=$(fleetcast_java_major "$candidate")
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$candidate"; best_major=$m; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}

if ! FLEETCAST_JDK=$(fleetcast_find_jdk); then
  echo "fleetcast needs a JDK 21 or newer and found none." >&2
  echo "Looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), 'java' on PATH, and /usr/lib/jvm, reading each JDK's 'release' file." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) or point JAVA_HOME at it:" >&2
  echo "  export JAVA_HOME=/path/to/jdk-21" >&2
  exit 2
fi
export JAVA_HOME="$FLEETCAST_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
FLEETCAST_JDK_VERSION=$(fleetcast_jdk_version "$JAVA_HOME")
export FLEETCAST_JDK_VERSION
