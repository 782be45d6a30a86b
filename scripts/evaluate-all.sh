#!/usr/bin/env bash
# Runs dedupe + evaluate over every dataset in shared/data (one configuration for all) and prints a table.
# usage: scripts/evaluate-all.sh [DATA_DIR] [OUT_DIR]
set -euo pipefail
DATA=${1:-$(cd "$(dirname "$0")/../.." && pwd)/shared/data}
OUT=${2:-$(mktemp -d)}
mkdir -p "$OUT"
# The machine is shared: record the load with the numbers (stderr, so the table stays clean).
echo "# start $(date -u +%FT%TZ) load:$(uptime | sed 's/.*load average://')" >&2
printf '%-20s %8s %8s %9s %7s %7s %7s %8s %7s %7s %7s %7s\n' dataset records pairs complete prec recall F1 bcubedF1 rRecall rPrec rev/1k secs
for dir in "$DATA"/*/; do
  name=$(basename "$dir")
  [ -f "$dir/records.csv" ] || continue
  summary=$(npm run --silent cli -- dedupe --quiet --input "$dir/records.csv" --output "$OUT/$name.csv" --review-output "$OUT/$name.review.csv" --truth "$dir/truth.csv")
  metrics=$(npm run --silent cli -- evaluate --clusters "$OUT/$name.csv" --review "$OUT/$name.review.csv" --truth "$dir/truth.csv")
  node -e '
    const s = JSON.parse(process.argv[1]); const m = JSON.parse(process.argv[2]);
    const f = (x) => x.toFixed(4);
    console.log([process.argv[3].padEnd(20), String(s.records).padStart(8), String(s.candidatePairs).padStart(8),
      (s.pairsCompleteness === undefined ? "-" : f(s.pairsCompleteness)).padStart(9), f(m.pairwise.precision).padStart(7),
      f(m.pairwise.recall).padStart(7), f(m.pairwise.f1).padStart(7), f(m.bcubed.f1).padStart(8), f(m.review.recallWithReview).padStart(7), f(m.review.reviewPrecision).padStart(7),
      m.review.reviewPairsPer1000Records.toFixed(1).padStart(7), s.seconds.total.toFixed(1).padStart(7)].join(" "));
  ' "$summary" "$metrics" "$name"
done
echo "# end   $(date -u +%FT%TZ) load:$(uptime | sed 's/.*load average://')" >&2
