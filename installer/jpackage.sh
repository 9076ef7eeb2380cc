#!/usr/bin/env bash
# Packages the console as a self-contained application image (its own Java runtime) with the JDK's jpackage:
#   bash installer/jpackage.sh            -> target/installer/higher-self-console/
# Run `mvn -B package -DskipTests` first. Add `--type deb` (or rpm, msi, dmg on those systems) to make an installer.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/higher-self-console.jar ] || { echo "target/higher-self-console.jar is missing: run 'mvn -B package -DskipTests' first." >&2; exit 1; }
rm -rf target/jpackage-input target/installer
mkdir -p target/jpackage-input
cp target/higher-self-console.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib
jpackage --type app-image \
  --name higher-self-console \
  --app-version 0.1.0 \
  --input target/jpackage-input \
  --main-jar higher-self-console.jar \
  --main-class network.higherself.console.app.Launcher \
  --java-options "-XX:+UseSerialGC -XX:TieredStopAtLevel=1" \
  --dest target/installer "$@"
echo "Application image: target/installer/higher-self-console (run bin/higher-self-console)"
