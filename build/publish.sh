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

# ReadyToRun: the NuGet assemblies Sahut starts with (EF Core, Quartz, Autofac, Npgsql …) ship as IL only, and
# compiling them ahead of time takes about a quarter of the CPU (and more of the wall time) out of start-up.
# R2R code is per platform, so the publish is for the SDK's own runtime identifier (the Docker build stage's);
# still framework-dependent. Later arguments (e.g. -r linux-arm64) override these.
ready_to_run=(-p:PublishReadyToRun=true -p:UseCurrentRuntimeIdentifier=true --self-contained false)

echo "publish: host -> $out" >&2
dotnet publish ui/Sahut.Web -c Release -o "$out" "${ready_to_run[@]}" "$@"

# Whatever the host build may have copied into plugins/ is replaced by a clean publish of each plugin,
# so the folder holds exactly the plugins in this source tree.
rm -rf "$out/plugins"
mkdir -p "$out/plugins"

count=0
for project in plugins/*/Sahut.Plugins.*.csproj; do
  [ -e "$project" ] || continue
  name="$(basename "$(dirname "$project")")"
  echo "publish: plugin $name -> $out/plugins/$name" >&2
  dotnet publish "$project" -c Release -o "$out/plugins/$name" "${ready_to_run[@]}" "$@"
  for f in "Sahut.Plugins.$name.dll" plugin.json; do
    if [ ! -f "$out/plugins/$name/$f" ]; then
      echo "publish: $out/plugins/$name/$f is missing" >&2
      exit 1
    fi
  done
  count=$((count + 1))
done
echo "publish: host and $count plugin(s) in $out" >&2
