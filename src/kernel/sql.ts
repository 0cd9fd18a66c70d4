/** A `%…%` ILIKE pattern matching `text` literally (its own % and _ escaped). */
export function containsPattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
