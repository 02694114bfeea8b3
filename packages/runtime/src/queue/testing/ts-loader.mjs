// Lets a child `node` process run this package's TypeScript sources directly:
//   node --import ./ts-loader.mjs some-script.ts
// Node 20 cannot strip types itself; the hooks transpile each .ts file with the workspace's
// TypeScript (no type check) and resolve the `./x.js` specifiers of the sources to `./x.ts`.
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
