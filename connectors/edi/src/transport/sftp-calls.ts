import type { SFTPWrapper } from 'ssh2';
import { timeoutError } from './store-errors.js';

/**
 * ssh2's callback API as promises, each request with a deadline and the call's abort signal.
 * A request that times out or is aborted closes the connection: the SFTP channel cannot be told
 * to forget one request, and a late answer must not be mistaken for a later one.
 */

/**
 * Runs SFTP requests for one session.
 *
 * @example
 * const calls = sftpCalls(session, { timeoutMs: 30_000, signal });
 * const entries = await calls.run('list "inbound"', (done) => sftp.readdir('/home/acme/inbound', done));
 */
export interface SftpCalls {
  run<T>(
    what: string,
    start: (done: (error: Error | null | undefined, value: T) => void) => void,
  ): Promise<T>;
  /** Reads a whole file through an open handle, several requests in flight. */
  readAll(handle: Buffer, what: string): Promise<Buffer>;
  /** Writes all bytes through an open handle, several requests in flight. */
  writeAll(handle: Buffer, bytes: Uint8Array, what: string): Promise<void>;
}

// Below ssh2's smallest request size (34000 bytes less overhead), so each piece is one request.
const PIECE = 30 * 1024;
const IN_FLIGHT = 32;

/**
 * Wraps one SFTP channel.
 *
 * @example
 * sftpCalls({ sftp, location: 'sftp://acme@host:22', close: () => client.end() }, { timeoutMs: 30_000 });
 */
export function sftpCalls(
  session: { sftp: SFTPWrapper; location: string; close(): void },
  options: { timeoutMs: number; signal?: AbortSignal },
): SftpCalls {
  const { sftp, location } = session;
  const { timeoutMs, signal } = options;

  const run = <T>(what: string, start: (done: (error: Error | null | undefined, value: T) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      signal?.throwIfAborted();
      let finished = false;
      const settle = () => {
        if (finished) return false;
        finished = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const fail = (error: unknown) => {
        if (settle()) reject(error);
      };
      const onAbort = () => {
        session.close();
        fail(signal?.reason);
      };
      const timer = setTimeout(() => {
        session.close();
        fail(timeoutError(what, location, timeoutMs));
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        start((error, value) => {
          if (error) fail(error);
          else if (settle()) resolve(value);
        });
      } catch (error) {
        fail(error);
      }
    });

  /** Reads [position, position + length) or up to the end of the file, whichever comes first. */
  const readRange = async (handle: Buffer, position: number, length: number, what: string) => {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
      const count = await run<number>(what, (done) =>
        sftp.read(handle, buffer, filled, length - filled, position + filled, (error, bytesRead) =>
          done(error, bytesRead),
        ),
      );
      if (count === 0) break;
      filled += count;
    }
    return buffer.subarray(0, filled);
  };

  return {
    run,
    async readAll(handle, what) {
      const stats = await run<{ size: number }>(what, (done) => sftp.fstat(handle, done));
      const pieces: Buffer[] = [];
      for (let start = 0; start < stats.size; start += PIECE * IN_FLIGHT) {
        const window: Promise<Buffer>[] = [];
        for (let at = start; at < Math.min(stats.size, start + PIECE * IN_FLIGHT); at += PIECE) {
          window.push(readRange(handle, at, Math.min(PIECE, stats.size - at), what));
        }
        pieces.push(...(await Promise.all(window)));
      }
      // The file may have grown since fstat; read on until the server says end of file.
      let tail = await readRange(handle, stats.size, PIECE, what);
      let position = stats.size;
      while (tail.length > 0) {
        pieces.push(tail);
        position += tail.length;
        tail = await readRange(handle, position, PIECE, what);
      }
      return Buffer.concat(pieces);
    },
    async writeAll(handle, bytes, what) {
      const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const pending = new Set<Promise<void>>();
      for (let at = 0; at < buffer.length; at += PIECE) {
        const length = Math.min(PIECE, buffer.length - at);
        const request = run<void>(what, (done) =>
          sftp.write(handle, buffer, at, length, at, (error) => done(error, undefined)),
        );
        pending.add(request);
        request.then(
          () => pending.delete(request),
          () => pending.delete(request),
        );
        if (pending.size >= IN_FLIGHT) await Promise.race(pending);
      }
      await Promise.all(pending);
    },
  };
}
