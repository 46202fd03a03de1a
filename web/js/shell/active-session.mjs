// @ts-check
// The session of the lab on screen, for the shell's parts that follow whichever lab is active
// (toolbar, banners, host API, test hooks): forwards play/pause/step/reset/speed to the active
// lab's SessionHandle and re-emits that session's events only, so a lab switch never needs
// listeners moved.
import { Emitter } from './emitter.mjs';
import { SESSION_EVENTS } from './session-handle.mjs';

export class ActiveSession extends Emitter {
  /** @param {import('./engine-relay.mjs').EngineRelay} relay */
  constructor(relay) {
    super(SESSION_EVENTS, 'active-session');
    this.relay = relay;
    /** @type {string | null} */
    this.name = null;
    this.speed = 5;
    relay.onSessionEvent((name, type, event) => {
      if (name === this.name) this.emit(type, event);
    });
  }

  /** Makes session `name` the active one (null: none). @param {string | null} name */
  use(name) {
    this.name = name;
    this.handle?.setSpeed(this.speed);
    this.emit('running', { running: this.running });
  }

  /** @returns {import('./session-handle.mjs').SessionHandle | null} */
  get handle() {
    return this.name === null ? null : this.relay.session(this.name);
  }

  get running() {
    return this.handle?.running ?? false;
  }
  get lastSnapshot() {
    return this.handle?.lastSnapshot ?? null;
  }
  get lastProgress() {
    return this.handle?.lastProgress ?? null;
  }
  /** The active lab's document (the spec of its build request), or null. */
  get document() {
    return this.handle?.document ?? null;
  }

  play() {
    this.handle?.play();
  }
  /** Whether the last run stopped at the epoch limit (SessionHandle.atLimit). */
  get atLimit() {
    return this.handle?.atLimit ?? false;
  }
  /** @param {number} epochs */
  continuePastLimit(epochs) {
    return this.handle?.continuePastLimit(epochs) ?? Promise.resolve();
  }
  pause() {
    this.handle?.pause();
  }
  step() {
    this.handle?.step();
  }
  reset() {
    this.handle?.reset();
  }
  snapshot() {
    this.handle?.snapshot();
  }

  /** @param {number} level 1..5, kept for the next active session too */
  setSpeed(level) {
    this.speed = level;
    this.handle?.setSpeed(level);
  }
}
