#!/usr/bin/env bash
# Packages the console as a native application with the JDK's jlink and jpackage, in one command:
#
#   bash installer/build.sh                -> target/installer/higher-self-console/   (the app image: bin/higher-self-console)
#                                             target/installer/higher-self-console_<version>_<arch>.deb
#   bash installer/build.sh app-image      -> the app image only
#
# The runtime is a jlink-trimmed Java 17 (only the modules the console uses, no debug symbols, no man pages); the
# icon is assets/icon (drawn by src/test/java/.../tools/AppIcon.java). The .deb declares libgtk-3-0 (the window needs
# GTK 3; jpackage does not add it), has a desktop entry (menu group Office) and installs into /opt/higher-self-console.
# The console keeps its data in the user's data folder ($XDG_DATA_HOME/higher-self-console, else
# ~/.local/share/higher-self-console), never inside the installation.
#
# Other systems (untested here): on Windows `--type msi` (needs the WiX toolset) with --win-menu --win-shortcut and
# assets/icon/console.ico; on macOS `--type dmg` with assets/icon/console.icns. Run the same steps there with the
# platform's separator in the class path.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
name=higher-self-console
version=$(sed -n 's/.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}<\/version>.*/\1/p' pom.xml | head -1)
out=target/installer

echo "1/4 Building the jar (mvn package, tests skipped: run mvn verify for them)"
mvn -B -q package -DskipTests

echo "2/4 A trimmed Java runtime (jlink)"
rm -rf target/jpackage-input target/runtime "$out"
mkdir -p target/jpackage-input "$out"
cp target/$name.jar target/jpackage-input/
cp -r target/lib target/jpackage-input/lib
# The console runs on the class path (no module-info): these are the JDK modules it and its libraries use (Hibernate:
# naming, sql, xml, instrument, management; H2/Hikari: sql, management; JavaFX: desktop, jdk.unsupported; TLS for sync:
# jdk.crypto.ec, java.security.jgss). JavaFX is on the class path, so it needs no --add-exports here.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.localedata,jdk.unsupported,jdk.zipfs
# --generate-cds-archive: the runtime's own class-data archive (the JDK's classes), which the console's archive builds on
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --output target/runtime

echo "3/4 The application image (jpackage)"
jpackage --type app-image \
  --name $name \
  --app-version "$version" \
  --vendor "Higher Self Network" \
  --description "The staff console of the Higher Self Network: eight workflows as kanban boards" \
  --input target/jpackage-input \
  --main-jar $name.jar \
  --main-class network.higherself.console.app.Launcher \
  --runtime-image target/runtime \
  --icon assets/icon/console-256.png \
  --java-options "-XX:+UseSerialGC -XX:TieredStopAtLevel=1" \
  --dest "$out"
echo "    $out/$name (run $out/$name/bin/$name)"

# The console's class-data archive (AppCDS), made by a training run of the app image's own launcher (the same JVM and
# class path that will use it), then named in the launcher's options. A missing or stale archive never stops the console: -Xshare:auto starts it without one, only slower.
cfg="$out/$name/lib/app/$name.cfg"
bash installer/cds-archive.sh "$(pwd)/$out/$name/lib/app/$name.jsa" "$out/$name/bin/$name"
if [ -s "$out/$name/lib/app/$name.jsa" ]; then
  sed -i 's|^java-options=-XX:TieredStopAtLevel=1$|&\njava-options=-XX:SharedArchiveFile=$APPDIR/'"$name"'.jsa\njava-options=-Xshare:auto|' "$cfg"
  grep -q SharedArchiveFile "$cfg" || echo "    (the archive is not named in $cfg: the console starts without it)" >&2
fi

if [ "$what" = app-image ]; then
  exit 0
fi
echo "4/4 The Debian package (jpackage --type deb)"
# The JVM uses a class-data archive only with the class path it was made with, so one made here is refused once the
# console is installed in /opt (found by trying): the package carries the app image without it, and the script that
# makes it; its postinst makes the archive where the console is installed and names it in the launcher's options.
deb_image=target/deb-image/$name
rm -rf target/deb-image
mkdir -p target/deb-image
cp -a "$out/$name" "$deb_image"
rm -f "$deb_image/lib/app/$name.jsa" "$deb_image/lib/app/$name-training.log"
sed -i '/SharedArchiveFile\|-Xshare:auto/d' "$deb_image/lib/app/$name.cfg"
cp installer/cds-archive.sh "$deb_image/lib/cds-archive.sh"
jpackage --type deb \
  --name $name \
  --app-version "$version" \
  --vendor "Higher Self Network" \
  --description "The staff console of the Higher Self Network: eight workflows as kanban boards" \
  --app-image "$deb_image" \
  --linux-package-name $name \
  --linux-package-deps libgtk-3-0 \
  --linux-shortcut \
  --linux-menu-group Office \
  --linux-app-category office \
  --icon assets/icon/console-256.png \
  --resource-dir installer/linux \
  --dest "$out"
ls "$out"/*.deb
