import { describe, expect, it } from 'vitest';
import { isTemporaryName, temporaryNameFor } from './file-store.js';
import { checkFileName, joinPath, relativePath, splitPath } from './store-paths.js';
import { rejection } from './test-support.js';

describe('store paths', () => {
  it('normalises paths below the root and refuses any that climb out or are absolute', async () => {
    expect(relativePath('')).toBe('');
    expect(relativePath('inbound/./2025/../x/')).toBe('inbound/x');
    for (const text of ['..', '../x', 'a/../../x', '/etc', 'C:/x', 'a\\b', 'a\0b']) {
      expect(await rejection(Promise.resolve().then(() => relativePath(text)))).toMatchObject({
        code: 'PATH_OUTSIDE_ROOT',
      });
    }
  });

  it('joins and splits directory and name', () => {
    expect(joinPath('', 'a.edi')).toBe('a.edi');
    expect(joinPath('out/', 'a.edi')).toBe('out/a.edi');
    expect(splitPath('out/2025/a.edi')).toEqual({ directory: 'out/2025', name: 'a.edi' });
  });

  it('accepts plain file names only', async () => {
    expect(checkFileName('PO 1001.edi')).toBe('PO 1001.edi');
    for (const name of ['', 'a/b', '..', 'a\nb', temporaryNameFor('x.edi'), 'x'.repeat(256)]) {
      expect(await rejection(Promise.resolve().then(() => checkFileName(name)))).toMatchObject({
        code: 'INVALID_FILE_NAME',
      });
    }
  });

  it('recognises its own temporary names and nothing else', () => {
    expect(isTemporaryName(temporaryNameFor('PO1.edi'))).toBe(true);
    expect(isTemporaryName('.PO1.edi.part')).toBe(false);
    expect(isTemporaryName('PO1.edi')).toBe(false);
  });
});
