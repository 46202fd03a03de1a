// Loads web/js/worker/engine-worker.mjs in Node as the page would run it: a copy of web/js laid
// out beside an engine folder (the fake engine or the real build), `self` standing in for the
// worker scope, and fetch answering the worker's download of ../engine/nnplay.wasm from disk
// (Node 20's fetch cannot read file: URLs, TOOLCHAIN P4).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { root } from './load-module.mjs';

/** Starts a worker over `engineDir`; returns {events, send, request, close}. `send(message)`
 *  hands a request to the worker; `request(message, ms)` sends and waits ms for it to run. */
export async function loadWorker(engineDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nnplay-worker-'));
  fs.cpSync(path.join(root, 'web', 'js'), path.join(dir, 'js'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'engine'));
  for (const name of fs.readdirSync(engineDir)) {
    if (/^nnplay\.(mjs|wasm)$/.test(name))
      fs.copyFileSync(path.join(engineDir, name), path.join(dir, 'engine', name));
  }
  const wasm = path.join(dir, 'engine', 'nnplay.wasm');
  if (!fs.existsSync(wasm)) fs.writeFileSync(wasm, Buffer.alloc(3000)); // the fake engine ignores it
  const events = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    const bytes = fs.readFileSync(fileURLToPath(url));
    return new Response(bytes, { headers: { 'content-length': String(bytes.length) } });
  };
  // The real glue's Node path calls require and __dirname (TOOLCHAIN P4).
  globalThis.require = createRequire(path.join(dir, 'engine', 'nnplay.mjs'));
  globalThis.__dirname = path.join(dir, 'engine');
  globalThis.self = { postMessage: (message) => events.push(message) };
  await import(pathToFileURL(path.join(dir, 'js', 'worker', 'engine-worker.mjs')).href);
  const send = (message) => globalThis.self.onmessage({ data: message });
  return {
    events,
    send,
    async request(message, ms = 50) {
      send(message);
      await new Promise((r) => setTimeout(r, ms));
    },
    /** Waits until `predicate(events)` holds (polling), or fails after `ms`. */
    async until(predicate, ms = 5000) {
      const end = Date.now() + ms;
      while (!predicate(events)) {
        if (Date.now() > end) throw new Error('timed out waiting for worker events');
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    close() {
      globalThis.fetch = realFetch;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
