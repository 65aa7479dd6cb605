/**
 * Lets the browser paint and handle input before the caller goes on: the rest runs in a task of its own.
 * scheduler.yield() (Chromium) continues ahead of other queued tasks; elsewhere a zero timeout.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
