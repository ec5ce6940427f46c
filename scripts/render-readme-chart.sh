#!/usr/bin/env bash
# Regenerates docs/portfolio-facility-power.png, the README's chart: facility power of the built-in
# openai-portfolio scenario stacked by deal, as drawn in its HTML report (fleetcast run --format png).
# Usage: scripts/render-readme-chart.sh        (from anywhere; builds the engine jar when it is stale)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/fleetcast" run openai-portfolio --out "$work" --format png --quiet >/dev/null
cp "$work/openai-portfolio/charts/facility-power.png" "$root/docs/portfolio-facility-power.png"
echo "wrote docs/portfolio-facility-power.png"
