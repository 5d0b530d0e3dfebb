#!/usr/bin/env bash
# Publishes the Sahut host and every plugin into one folder, the layout Sahut runs from (and the Docker image):
#   OUTDIR/Sahut.Web.dll …
#   OUTDIR/plugins/<Name>/Sahut.Plugins.<Name>.dll + plugin.json + the plugin's private dependencies
#
#   bash build/publish.sh OUTDIR [extra dotnet publish arguments]
set -euo pipefail

if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: build/publish.sh OUTDIR [dotnet publish arguments]" >&2
  exit 2
fi
out="$1"; shift
cd "$(dirname "$0")/.."
repo="$PWD"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
if [ "$out" = "/" ] || [ "$out" = "$repo" ]; then
  echo "publish: refusing to publish into $out" >&2
  exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "publish: host -> $out" >&2
dotnet publish ui/Sahut.Web -c Release -o "$out" "$@"

# Whatever the host build may have copied into plugins/ is replaced by a clean publish of each plugin,
# so the folder holds exactly the plugins in this source tree.
rm -rf "$out/plugins"
mkdir -p "$out/plugins"

count=0
for project in plugins/*/Sahut.Plugins.*.csproj; do
  [ -e "$project" ] || continue
  name="$(basename "$(dirname "$project")")"
  echo "publish: plugin $name -> $out/plugins/$name" >&2
  dotnet publish "$project" -c Release -o "$out/plugins/$name" "$@"
  for f in "Sahut.Plugins.$name.dll" plugin.json; do
    if [ ! -f "$out/plugins/$name/$f" ]; then
      echo "publish: $out/plugins/$name/$f is missing" >&2
      exit 1
    fi
  done
  count=$((count + 1))
done
echo "publish: host and $count plugin(s) in $out" >&2
