/**
 * Small-cell suppression for readers without access to the underlying records. A figure is hidden when it is
 * above zero and below the threshold (primary); then, wherever a line (a row or column of cells with its published
 * total) would hide exactly one member, a second member is hidden too (complementary), so the hidden one cannot be
 * got back by subtracting the others from the total. Repeats until no line hides exactly one. Zeros stay shown.
 */
export interface SuppressionLine {
  /** The entry holding the line's total. */
  total: number;
  /** The entries that add up to it (or, for a multi-valued breakdown, that it bounds). */
  members: readonly number[];
}

/** Indexes of the entries to hide. `values[i]` is entry i's figure. */
export function suppress(values: readonly number[], lines: readonly SuppressionLine[], threshold: number): Set<number> {
  const hidden = new Set<number>();
  values.forEach((value, index) => {
    if (value > 0 && value < threshold) hidden.add(index);
  });
  let changed = hidden.size > 0;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (hidden.has(line.total)) continue;
      const hiddenMembers = line.members.filter((member) => hidden.has(member)).length;
      if (hiddenMembers !== 1) continue;
      const candidates = line.members
        .filter((member) => !hidden.has(member))
        // The smallest non-zero figure loses least; a zero only when nothing else is left.
        .sort((a, b) => Number(values[a] === 0) - Number(values[b] === 0) || values[a] - values[b] || a - b);
      hidden.add(candidates.length > 0 ? candidates[0] : line.total);
      changed = true;
    }
  }
  return hidden;
}
