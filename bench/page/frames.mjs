// What the page benchmark measures inside the page while the MLP lab trains, and how the
// figures are summarised. The browser suite used to assert these figures and failed whenever the
// machine was busy; measured the same way, here they are only printed.
//
// Why the figures are honest in headless Chromium:
// - `--headless` is Chromium's "new" headless mode (the old one is not in the chromium binary
//   since M132): the full browser with a headless ozone platform and the real compositor. Its
//   display scheduler runs a synthetic 60 Hz BeginFrame source, so requestAnimationFrame fires at
//   60 Hz as with a visible window (an idle page gives rAF intervals of 16.6-16.8 ms). We do NOT
//   pass --disable-frame-rate-limit (frames as fast as possible would hide missed frames) or
//   --disable-gpu-vsync. Playwright passes --disable-renderer-backgrounding and
//   --disable-background-timer-throttling, so the page is never throttled as a background tab.
// - rAF timestamps are the frame's BeginFrame time, aligned to the vsync ticks, so intervals are
//   multiples of 16.67 ms: a frame whose main-thread work (JS + style + layout + paint) fits in
//   one vsync period gives 16.7, one that overruns gives 33.3 (a dropped frame), 50.0 for two.
//   Timestamps carry ~0.1 ms of jitter (coarsened performance.now, tick rounding): JITTER_MS.
// - The Long Animation Frames API ('long-animation-frame': frames with over 50 ms of main-thread
//   work) names the longest stall and the scripts in it; entries before the window are dropped.
// - The measurement runs inside the page (one evaluate), so Playwright's own polling does not add
//   main-thread work during the window.

export const FRAME_MS = 1000 / 60;
export const JITTER_MS = 0.3;

/**
 * Runs in the page: records rAF timestamps and long animation frames for windowMs.
 * Returns {stamps, loafs, loafSupported, running, grids, thumbs, epoch}.
 */
export async function measureInPage(windowMs) {
  const start = performance.now();
  const counts = () => ({ grid: window.nnplay.gridDraws, thumbs: window.nnplay.thumbDraws });
  const before = counts();
  const loafs = [];
  let observer = null;
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.startTime < start) continue;
        // Where the time went: the longest scripts of the frame (source, function, ms).
        const scripts = [...(e.scripts ?? [])]
          .sort((x, y) => y.duration - x.duration)
          .slice(0, 3)
          .map(
            (sc) =>
              `${(sc.sourceURL ?? '').split('/').pop()}:${sc.sourceFunctionName || sc.invoker} ` +
              `${Math.round(sc.duration)} ms`,
          );
        loafs.push({
          duration: e.duration,
          blocking: e.blockingDuration,
          render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
          scripts,
        });
      }
    });
    observer.observe({ type: 'long-animation-frame', buffered: true });
  }
  const stamps = await new Promise((resolve) => {
    const out = [];
    const frame = (t) => {
      out.push(t);
      if (t - start < windowMs) requestAnimationFrame(frame);
      else resolve(out);
    };
    requestAnimationFrame(frame);
  });
  // Entries are delivered asynchronously: one more task lets the last ones arrive.
  await new Promise((r) => setTimeout(r, 100));
  observer?.disconnect();
  const after = counts();
  const epoch = window.nnplay.events.filter((e) => e.type === 'progress').at(-1)?.epoch ?? null;
  return {
    stamps,
    loafs,
    loafSupported: observer !== null,
    running: window.nnplay.session.running,
    grids: after.grid - before.grid,
    thumbs: after.thumbs - before.thumbs,
    epoch,
  };
}

/** Figures from measureInPage's answer: frame count, median / longest interval, dropped frames,
 *  long animation frames (count, longest, where its time went), draws and the epoch reached. */
export function summariseFrames(m) {
  const intervals = m.stamps
    .slice(1)
    .map((t, i) => t - m.stamps[i])
    .sort((x, y) => x - y);
  const worst = m.loafs.reduce((a, e) => (e.duration > (a?.duration ?? -1) ? e : a), null);
  return {
    frames: intervals.length,
    medianMs: +(intervals[Math.floor(intervals.length / 2)] ?? NaN).toFixed(1),
    longestMs: +(intervals.at(-1) ?? NaN).toFixed(1),
    droppedFrames: intervals.filter((d) => d > FRAME_MS + JITTER_MS).length,
    loafSupported: m.loafSupported,
    loafCount: m.loafs.length,
    loafLongestMs: +(worst?.duration ?? 0).toFixed(1),
    loafLongest: worst && { renderMs: Math.round(worst.render), scripts: worst.scripts },
    gridDraws: m.grids,
    thumbDraws: m.thumbs,
    epochReached: m.epoch,
    trainedThroughout: m.running,
  };
}
