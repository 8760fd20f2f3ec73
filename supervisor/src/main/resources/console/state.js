// What the signed-in key may do (every page and button asks it), and the current page's timers.

export const session = {
  current: null,
  can(permission) { return this.current?.permissions.includes(permission) ?? false; },
};

let stops = [];

/** Registers what stops when the page changes (polling timers). */
export function onLeave(stop) { stops.push(stop); }

export function leavePage() {
  stops.forEach((stop) => stop());
  stops = [];
}

/** Calls `refresh` now and every `ms` while the page is shown; errors stop nothing. */
export function poll(refresh, ms) {
  let timer = null, stopped = false;
  const tick = async () => {
    try { await refresh(); } catch (error) { console.warn(error); }
    if (!stopped) timer = setTimeout(tick, ms);
  };
  onLeave(() => { stopped = true; clearTimeout(timer); });
  return tick();
}
