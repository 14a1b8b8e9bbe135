#!/usr/bin/env bash
# The macOS disk image from dist/KetaJournal.app (built by packaging/ketajournal.spec):
#   packaging/macos/make-dmg.sh
# gives dist/ketajournal-<version>-macos-<arch>.dmg: the app and a link to /Applications.
#
# Signing and notarisation (docs/packaging.md) happen when these are set; without them the
# image is unsigned and Gatekeeper will refuse it on other Macs:
#   KETAJOURNAL_CODESIGN_IDENTITY  "Developer ID Application: NAME (TEAMID)" (also read by
#                                   the spec, which signs the app with the entitlements)
#   KETAJOURNAL_NOTARY_PROFILE     a notarytool keychain profile (xcrun notarytool
#                                   store-credentials)
# Unverified: written for a hosted macOS runner, never run on this project's machines.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
app=$ROOT/dist/KetaJournal.app
[[ -d $app ]] || { echo "make-dmg: no $app; build the spec on macOS first" >&2; exit 2; }
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" "$app/Contents/Info.plist")
out=$ROOT/dist/ketajournal-$version-macos-$(uname -m).dmg
identity=${KETAJOURNAL_CODESIGN_IDENTITY:-}

if [[ -n $identity ]]; then
  # The spec signed every binary; check the whole bundle before packing it.
  codesign --verify --deep --strict --verbose=2 "$app"
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
rm -f "$out"
hdiutil create -volname "KetaJournal $version" -srcfolder "$stage" -fs HFS+ -format UDZO \
  -ov "$out"

if [[ -n $identity ]]; then
  codesign --sign "$identity" --timestamp "$out"
  if [[ -n ${KETAJOURNAL_NOTARY_PROFILE:-} ]]; then
    xcrun notarytool submit "$out" --keychain-profile "$KETAJOURNAL_NOTARY_PROFILE" --wait
    xcrun stapler staple "$out"
    spctl --assess --type open --context context:primary-signature --verbose "$out"
  fi
fi
echo "make-dmg: $out ($(du -h "$out" | cut -f1))"
