#!/usr/bin/env bash
# Builds the Debian package kiosk/target/cccd-kiosk_<version>_amd64.deb from the three shaded jars.
# Run by Maven (`mvn -B -q -Pdeb package -DskipTests`, profile "deb" in kiosk/pom.xml), which passes:
#   build-deb.sh MAVEN_VERSION KIOSK_TARGET_DIR REPOSITORY_ROOT
# Needs the JDK's jdeps, jlink and jpackage, and dpkg-deb and dpkg-shlibdeps (Debian: dpkg-dev).
#
# Steps: jdeps finds the modules the jars use; jlink makes a small runtime of them (the target needs no JDK);
# jpackage makes an app image with one native launcher per jar; this script lays that image out as a Debian
# package (configuration in /etc/cccd-kiosk as conffiles, systemd units, maintainer scripts, docs) and dpkg-deb
# builds it. jpackage --type deb is not used: it cannot ship files outside its install directory (conffiles in
# /etc, a systemd unit) nor a Debian changelog, which lintian requires.
set -euo pipefail

MAVEN_VERSION=$1
TARGET=$(realpath "$2")
ROOT=$(realpath "$3")
SRC=$ROOT/kiosk/src/deb
PKG=cccd-kiosk
# Debian orders 0.1.0~SNAPSHOT before 0.1.0, as Maven does; a '-' would start a Debian revision
DEB_VERSION=${MAVEN_VERSION//-/\~}
APP_VERSION=${MAVEN_VERSION%%-*}
ARCH=$(dpkg --print-architecture)
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
for tool in "${JAVA_BIN}jdeps" "${JAVA_BIN}jlink" "${JAVA_BIN}jpackage" dpkg-deb dpkg-shlibdeps strip; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool not found (JDK 17 and dpkg-dev are needed)" >&2; exit 1; }
done

KIOSK_JAR=$TARGET/cccd-kiosk.jar
# the optional demo part (--demo): beside the kiosk jar, whose manifest Class-Path names it
DEMO_JAR=$TARGET/cccd-kiosk-demo.jar
READER_JAR=$ROOT/reader/target/cccd-reader.jar
MOCK_JAR=$ROOT/mock-card/target/mock-card.jar
for jar in "$KIOSK_JAR" "$DEMO_JAR" "$READER_JAR" "$MOCK_JAR"; do
  [ -f "$jar" ] || { echo "build-deb: $jar is missing (build the reactor: mvn -Pdeb package)" >&2; exit 1; }
done

WORK=$TARGET/deb-work
rm -rf "$WORK"
mkdir -p "$WORK"

# ---- 1. the runtime: the modules jdeps finds, plus those only reached through ServiceLoader or reflection,
# which jdeps cannot see: jdk.crypto.ec (the SunEC provider: EC keys of PACE, Chip and Active Authentication),
# jdk.localedata (Vietnamese dates and numbers in forms and PDFs), jdk.charsets (the PostgreSQL driver's
# encodings), jdk.unsupported (sun.misc.Unsafe for libraries that probe it), jdk.management (JVM metrics)
MODULES=$("${JAVA_BIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 \
  "$KIOSK_JAR" "$DEMO_JAR" "$READER_JAR" "$MOCK_JAR" | tail -n 1)
MODULES=$MODULES,java.smartcardio,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.unsupported,jdk.management
echo "build-deb: runtime modules: $MODULES"
"${JAVA_BIN}jlink" --add-modules "$MODULES" --include-locales=vi,en \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$WORK/runtime"

# ---- 2. the app image: one launcher per jar; each jar in a folder of its own
mkdir -p "$WORK/input/kiosk" "$WORK/input/reader" "$WORK/input/mock-card"
cp "$KIOSK_JAR" "$DEMO_JAR" "$WORK/input/kiosk/"
cp "$READER_JAR" "$WORK/input/reader/"
cp "$MOCK_JAR" "$WORK/input/mock-card/"
printf 'main-jar=reader/cccd-reader.jar\nmain-class=vn.cccd.reader.cli.ReaderCli\n' > "$WORK/cccd-reader.launcher"
printf 'main-jar=mock-card/mock-card.jar\nmain-class=vn.cccd.mock.cli.MockCardCli\n' > "$WORK/mock-card.launcher"
"${JAVA_BIN}jpackage" --type app-image --name "$PKG" --app-version "$APP_VERSION" \
  --input "$WORK/input" --main-jar kiosk/cccd-kiosk.jar --main-class vn.cccd.kiosk.KioskMain \
  --runtime-image "$WORK/runtime" \
  --add-launcher cccd-reader="$WORK/cccd-reader.launcher" --add-launcher mock-card="$WORK/mock-card.launcher" \
  --java-options '--add-opens=java.smartcardio/sun.security.smartcardio=ALL-UNNAMED' \
  --dest "$WORK/image"
IMAGE=$WORK/image/$PKG
# jpackage (JDK 17) puts every jar of --input on every launcher's class path; each command must run its own jar
# alone, exactly as `java -jar` does (the kiosk jar's logging setup must not reach the CLIs' output); the kiosk
# reaches its demo part only through its manifest's Class-Path, and uses it only with --demo
for launcher in cccd-kiosk:kiosk/cccd-kiosk.jar cccd-reader:reader/cccd-reader.jar mock-card:mock-card/mock-card.jar; do
  cfg=$IMAGE/lib/app/${launcher%%:*}.cfg
  sed -i "/^app.classpath=/{\\|^app.classpath=\\\$APPDIR/${launcher#*:}\$|!d}" "$cfg"
  [ "$(grep -c '^app.classpath=' "$cfg")" = 1 ] || { echo "build-deb: unexpected class path in $cfg" >&2; exit 1; }
done
rm -f "$IMAGE"/lib/*.png # desktop icons: the commands are not desktop applications

# ---- 3. the package tree
STAGE=$WORK/root
install -d "$STAGE/usr/lib" "$STAGE/usr/bin" "$STAGE/DEBIAN"
cp -a "$IMAGE" "$STAGE/usr/lib/$PKG"
for cmd in cccd-kiosk cccd-reader mock-card; do
  ln -s "../lib/$PKG/bin/$cmd" "$STAGE/usr/bin/$cmd" # the launchers find their app through /proc/self/exe
done
install -m 0755 "$SRC/cccd-kiosk-browser" "$STAGE/usr/bin/cccd-kiosk-browser"

# configuration: the repository's config/, with the data in /var/lib/cccd-kiosk and the UI secret required
install -d "$STAGE/etc/$PKG"
cp -r "$ROOT/config/forms" "$ROOT/config/trust" "$STAGE/etc/$PKG/"
sed -e 's|^data\.dir=.*|data.dir=/var/lib/cccd-kiosk|' \
    -e 's|^# Relative to the working directory\.$|# The package keeps it in /var/lib/cccd-kiosk (kept on remove, deleted on purge).|' \
    "$ROOT/config/kiosk.properties" > "$STAGE/etc/$PKG/kiosk.properties"
grep -q '^data.dir=/var/lib/cccd-kiosk$' "$STAGE/etc/$PKG/kiosk.properties" \
  || { echo "build-deb: config/kiosk.properties has no data.dir line to point at /var/lib/cccd-kiosk" >&2; exit 1; }
# only the kiosk browser may read personal data: the API needs the UI secret postinst writes (docs/DEPLOY.md)
sed -i 's|^ui\.secretFile=.*|ui.secretFile=/etc/cccd-kiosk/ui-secret|' "$STAGE/etc/$PKG/kiosk.properties"
grep -q '^ui.secretFile=/etc/cccd-kiosk/ui-secret$' "$STAGE/etc/$PKG/kiosk.properties" \
  || { echo "build-deb: config/kiosk.properties has no ui.secretFile line to point at the UI secret" >&2; exit 1; }
install -m 0644 "$SRC/browser.env" "$STAGE/etc/$PKG/browser.env"
# kiosk.properties may hold storage.password: readable by root and (postinst) the service's group only
chmod 0640 "$STAGE/etc/$PKG/kiosk.properties"

install -D -m 0644 "$SRC/cccd-kiosk.service" "$STAGE/lib/systemd/system/cccd-kiosk.service"
install -D -m 0644 "$SRC/cccd-kiosk-browser.service" "$STAGE/usr/lib/systemd/user/cccd-kiosk-browser.service"

DOC=$STAGE/usr/share/doc/$PKG
install -D -m 0644 "$SRC/copyright" "$DOC/copyright"
install -m 0644 "$ROOT/docs/DEPLOY.md" "$DOC/DEPLOY.md"
{
  echo "$PKG ($DEB_VERSION) unstable; urgency=medium"
  echo
  echo "  * Built from the CCCD kiosk's repository (Maven version $MAVEN_VERSION)."
  echo "  * The changes are in the repository's git log."
  echo
  echo " -- CCCD kiosk maintainers <maintainers@users.noreply.b-seed-6b2f4207.example>  $(date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")"
} | gzip -9n > "$DOC/changelog.gz"
install -D -m 0644 "$SRC/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$PKG"

# Debian's modes (the JDK's legal notices come read-only; shared libraries are not executables), and native
# code without its debug symbols (as dh_strip does; Debian keeps them in -dbgsym packages)
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE/usr" -type f -perm /111 -exec chmod 0755 {} +
find "$STAGE/usr" -type f ! -perm /111 -exec chmod 0644 {} +
find "$STAGE/usr/lib/$PKG" -type f -name '*.so' -exec chmod 0644 {} +
find "$STAGE/usr/lib/$PKG" -type f -exec sh -c 'head -c 4 "$1" | grep -q ELF' _ {} \; -print0 \
  | xargs -0 strip --remove-section=.comment --remove-section=.note --strip-unneeded

# ---- 4. control files
for script in postinst prerm postrm; do
  install -m 0755 "$SRC/$script" "$STAGE/DEBIAN/$script"
done
(cd "$STAGE" && find etc -type f | sort | sed 's|^|/|') > "$STAGE/DEBIAN/conffiles"
# the shared libraries the runtime's native code links against (libpcsclite1 for javax.smartcardio among them)
mkdir -p "$WORK/shlibs/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$PKG" "$PKG" > "$WORK/shlibs/debian/control"
mapfile -t natives < <(find "$STAGE/usr/lib/$PKG" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec sh -c \
  'head -c 4 "$1" | grep -q ELF' _ {} \; -print)
SHLIBS=$(cd "$WORK/shlibs" && dpkg-shlibdeps -O "${natives[@]}" 2>"$WORK/shlibdeps.log") \
  || { cat "$WORK/shlibdeps.log" >&2; exit 1; }
DEPENDS=$(sed -n 's/^shlibs:Depends=//p' <<<"$SHLIBS")
[ -n "$DEPENDS" ] || { echo "build-deb: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s|@VERSION@|$DEB_VERSION|" -e "s|@ARCH@|$ARCH|" -e "s|@DEPENDS@|$DEPENDS|" -e "s|@SIZE@|$SIZE|" \
  "$SRC/control" > "$STAGE/DEBIAN/control"
(cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print0 | sort -z | xargs -0 md5sum | sed 's|  \./|  |') \
  > "$STAGE/DEBIAN/md5sums"

# ---- 5. the package (owned by root without fakeroot)
OUT=$TARGET/${PKG}_${DEB_VERSION}_${ARCH}.deb
rm -f "$TARGET"/${PKG}_*.deb
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$OUT" >/dev/null
echo "build-deb: wrote $OUT ($(du -h "$OUT" | cut -f1))"
