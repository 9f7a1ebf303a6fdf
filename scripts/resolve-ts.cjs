// Lets `node -r @swc-node/register` run the TypeScript sources directly: the sources import siblings as `./x.js`
// (nodenext style), which exist only after a build, so a missing relative `.js` falls back to the `.ts` beside it.
const Module = require('node:module');
const original = Module._resolveFilename;
Module._resolveFilename = function resolveTs(request, parent, ...rest) {
  try {
    return original.call(this, request, parent, ...rest);
  } catch (err) {
    if (request.startsWith('.') && request.endsWith('.js')) {
      return original.call(this, `${request.slice(0, -3)}.ts`, parent, ...rest);
    }
    throw err;
  }
};
