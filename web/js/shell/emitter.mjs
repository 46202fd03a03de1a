// @ts-check
// Named events with a fixed list of types, for the relay and the session objects: a listener
// that throws is reported and the others still run, and a typo in an event name fails at once
// instead of never firing.

export class Emitter {
  /**
   * @param {readonly string[]} types the events this object emits
   * @param {string} kind what to call this object in errors and warnings ("relay", "session")
   */
  constructor(types, kind) {
    /** @type {Map<string, Set<(event: any) => void>>} */
    this.listeners = new Map(types.map((type) => [type, new Set()]));
    this.kind = kind;
  }

  /** Calls fn(event) for every event `type`; returns the unsubscribe function.
   *  @param {string} type @param {(event: any) => void} fn @returns {() => void} */
  on(type, fn) {
    const set = this.listeners.get(type);
    if (!set) throw new Error(`${this.kind}: unknown event '${type}'`);
    set.add(fn);
    return () => set.delete(fn);
  }

  /** @param {string} type @param {any} event */
  emit(type, event) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) {
      try {
        fn(event);
      } catch (error) {
        console.warn(`nnplay: a ${this.kind} '${type}' listener failed`, error);
      }
    }
  }
}
