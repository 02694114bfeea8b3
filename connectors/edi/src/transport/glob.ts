import { userError } from '@waybill/connector-kit';

/**
 * File name patterns as partners and admins write them: `*` (any run of characters), `?` (one
 * character), `[abc]` / `[a-z]` / `[!x]` (one of a set) and `{edi,x12}` (alternatives). They
 * match the whole name, never a path, and ignore case: partners send `PO1.EDI` as often as
 * `po1.edi`, and a pattern that silently misses half of them is worse than one that matches both.
 */

/**
 * Compiles a pattern into a predicate on file names.
 *
 * @example
 * const matches = globMatcher('*.{edi,x12}');
 * matches('PO1001.EDI'); // true
 * matches('PO1001.csv'); // false
 */
export function globMatcher(pattern: string): (name: string) => boolean {
  const source = translate(pattern);
  let regex: RegExp;
  try {
    regex = new RegExp(`^${source}$`, 'is');
  } catch {
    throw invalid(pattern, 'has a character range that is out of order');
  }
  return (name) => regex.test(name);
}

function translate(pattern: string): string {
  if (pattern.includes('/') || pattern.includes('\\')) {
    throw invalid(pattern, 'matches file names only, so it may not contain "/" or "\\"');
  }
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*') out += '.*';
    else if (char === '?') out += '.';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) throw invalid(pattern, 'opens "[" without closing it');
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (char === '{') {
      braces++;
      out += '(?:';
    } else if (char === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (char === ',' && braces > 0) out += '|';
    else out += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  if (braces > 0) throw invalid(pattern, 'opens "{" without closing it');
  return out;
}

function invalid(pattern: string, why: string) {
  return userError({
    code: 'INVALID_PATTERN',
    message: `The file pattern "${pattern.slice(0, 100)}" ${why}; write it like *.edi or PO*.{edi,x12}.`,
  });
}
