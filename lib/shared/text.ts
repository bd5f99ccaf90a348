/** Small text helpers shared by the browser and the server. */

/**
 * At most `max` characters, cut at the last word boundary that fits (a single word longer than
 * `max` is cut inside it), with trailing whitespace dropped.
 */
export function clipAtWord(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max + 1);
  const space = head.search(/\s\S*$/);
  return (space > 0 ? head.slice(0, space) : clean.slice(0, max)).trimEnd();
}
