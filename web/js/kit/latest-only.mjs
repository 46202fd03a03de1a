// @ts-check
// One job in flight, the latest waiting: while a job runs, new requests replace each other and
// only the last one runs when it ends. Dragging a point asks for new answers at every pointer
// move; the engine then answers one batch at a time and the picture follows the pointer
// without a queue building up behind it, and a request repeating the last one (the store
// catching up with a released drag) costs nothing.

export class LatestOnly {
  /** @param {(input: any) => Promise<void>} job */
  constructor(job) {
    this.job = job;
    /** @type {{input: any} | null} the request waiting for the running job */
    this.waiting = null;
    this.busy = false;
    /** @type {Promise<void>} resolves when no job runs and none waits */
    this.idle = Promise.resolve();
    /** @type {(() => void) | null} */
    this.resolveIdle = null;
    /** @type {string | null} the JSON of the last input asked for */
    this.lastKey = null;
  }

  /** Runs `input` now, or after the running job (replacing any request waiting). An input
   *  equal (as JSON) to the last one asked for is dropped: the answer would be the same.
   *  @param {any} input */
  request(input) {
    const key = JSON.stringify(input);
    if (key === this.lastKey) return;
    this.lastKey = key;
    if (this.busy) {
      this.waiting = { input };
      return;
    }
    this.busy = true;
    this.idle = new Promise((resolve) => (this.resolveIdle = resolve));
    this.drain(input);
  }

  /** Drops the request waiting (the running job still ends). */
  cancel() {
    this.waiting = null;
    this.lastKey = null;
  }

  /** @param {any} input */
  async drain(input) {
    let next = input;
    for (;;) {
      try {
        await this.job(next);
      } catch (error) {
        console.warn('nnplay: a job failed', error);
      }
      if (!this.waiting) break;
      next = this.waiting.input;
      this.waiting = null;
    }
    this.busy = false;
    this.resolveIdle?.();
  }
}
