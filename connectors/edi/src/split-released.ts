/**
 * Splits `text` at `separator`, except where the separator is preceded by the release character.
 * The pieces keep their release characters, so joining them again gives back `text` exactly.
 *
 * @example
 * splitReleased('a?+b+c', '+', '?'); // ['a?+b', 'c']
 */
export function splitReleased(text: string, separator: string, release: string | null): string[] {
  if (release === null || text.indexOf(release) === -1) return text.split(separator);
  const pieces: string[] = [];
  const sep = separator.charCodeAt(0);
  const rel = release.charCodeAt(0);
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === rel) i++;
    else if (c === sep) {
      pieces.push(text.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(text.slice(start));
  return pieces;
}
