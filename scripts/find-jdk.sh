#!/usr/bin/env bash
# Sourced by ./fleetcast and .ci/run: sets JAVA_HOME to a JDK 21+ and puts it first on PATH.
# Order: JAVA_HOME, then `java` on PATH, then the newest JDK in the standard JVM folder.

fleetcast_java_major() {
  # prints the feature version of the java binary $1, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  case "$v" in
    1.*) echo 0 ;;
    "") echo 0 ;;
    *) echo "${v%%.*}" ;;
  esac
}

fleetcast_has_javac() {
  [ -x "$1/bin/javac" ]
}

fleetcast_find_jdk() {
  local candidate best="" best_major=0 m
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && fleetcast_has_javac "$JAVA_HOME"; then
    m=$(fleetcast_java_major "$JAVA_HOME/bin/java")
    if [ "$m" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if fleetcast_has_javac "$candidate"; then
      m=$(fleetcast_java_major "$candidate/bin/java")
      if [ "$m" -ge 21 ]; then echo "$candidate"; return 0; fi
    fi
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/java" ] && fleetcast_has_javac "$candidate" || continue
    m=$(fleetcast_java_major "$candidate/bin/java")
    if [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best="$candidate"; best_major=$m; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}

if ! FLEETCAST_JDK=$(fleetcast_find_jdk); then
  echo "fleetcast needs a JDK 21 or newer and found none." >&2
  echo "Looked at: \$JAVA_HOME (${JAVA_HOME:-unset}), 'java' on PATH, and /usr/lib/jvm." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk) or point JAVA_HOME at it:" >&2
  echo "  export JAVA_HOME=/path/to/jdk-21" >&2
  exit 2
fi
export JAVA_HOME="$FLEETCAST_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
