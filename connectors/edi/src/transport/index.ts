/**
 * The EDI file transport: folder and SFTP stores, the `edi.writeFile` operation, the
 * `edi.fileArrived` trigger and their credential types. The test SFTP server is not exported
 * here; tests import it from `./sftp-test-server.js`.
 */
export * from './credential-types.js';
export * from './file-arrived.js';
export * from './file-arrived-cursor.js';
export * from './file-store.js';
export * from './folder-client.js';
export * from './glob.js';
export * from './host-key.js';
export * from './open-store.js';
export * from './sftp-calls.js';
export * from './sftp-client.js';
export * from './sftp-connect.js';
export * from './sftp-host.js';
export * from './store-errors.js';
export * from './store-paths.js';
export * from './write-file.js';
