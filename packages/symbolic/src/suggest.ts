/**
 * "Did you mean …?" suggestions: the known names closest to a misspelt one.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Up to `limit` names from `known` that look like `name`: small edit distance (case-insensitive)
 * or containing it, closest first.
 */
export function suggest(name: string, known: readonly string[], limit = 3): string[] {
  const lower = name.toLowerCase();
  const maxDistance = lower.length <= 3 ? 1 : Math.min(3, Math.ceil(lower.length / 3));
  const scored: { name: string; score: number }[] = [];
  for (const k of new Set(known)) {
    const kl = k.toLowerCase();
    // Lengths further apart than maxDistance cannot be that close: skip the O(n·m) table.
    const distance = Math.abs(lower.length - kl.length) > maxDistance ? Infinity : editDistance(lower, kl);
    if (distance <= maxDistance) scored.push({ name: k, score: distance });
    else if (lower.length >= 3 && (kl.includes(lower) || lower.includes(kl)))
      scored.push({ name: k, score: 4 });
  }
  scored.sort((a, b) => a.score - b.score || a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.name);
}
