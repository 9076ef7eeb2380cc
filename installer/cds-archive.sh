#!/usr/bin/env bash
# Makes an AppCDS archive (class data sharing: the classes the console's start loads, parsed and verified once, mapped
# into memory at each start) by a training run: the console started on a new data folder, to its first frame, with
# -XX:ArchiveClassesAtExit. The JVM that uses the archive must be the one that made it, with the same class path
# (same jars, same places): so the archive is made for each way the console is started (the jar, the app image).
#
#   bash installer/cds-archive.sh ARCHIVE JAVA [JVM options...] -jar JAR        (or -cp CLASSPATH MAIN)
#   bash installer/cds-archive.sh ARCHIVE APP-IMAGE/bin/LAUNCHER
#
# Under DISPLAY, else xvfb-run when there is one; without a display, the training run is `init-demo` (the database,
# Flyway and Hibernate's classes, without JavaFX's). A training run that fails leaves no archive and never fails the
# build: the console starts without one (the JVM says nothing with -Xshare:auto, the default), only slower. A stale
# archive (a jar changed since) is refused by the JVM in the same way.
set -uo pipefail
archive="$1"
shift
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
rm -f "$archive"
log="${archive%.jsa}-training.log"
# the option through the environment, which the JVM reads whatever starts it (java, or the app image's launcher)
export JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$archive"
train=("$@" --data-dir "$data/console")
if [ -n "${DISPLAY:-}" ]; then
  "${train[@]}" --exit-after-first-frame >"$log" 2>&1
elif command -v xvfb-run >/dev/null; then
  xvfb-run -a -s "-screen 0 1600x1000x24" "${train[@]}" --exit-after-first-frame >"$log" 2>&1
else
  "${train[@]}" init-demo >"$log" 2>&1
fi
if [ -s "$archive" ]; then
  echo "Class-data archive: $archive ($(du -h "$archive" | cut -f1); the training run's output in $log)"
else
  rm -f "$archive"
  echo "No class-data archive was made (see $log): the console starts without one, only slower." >&2
fi
exit 0
