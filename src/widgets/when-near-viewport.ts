// Shared by the widgets' views: work that only matters on screen (drawing at the real size, painting canvases)
// waits until the widget comes near the viewport. Notes are long and widgets sit far down the page, so this keeps
// their drawing out of the page's start-up; the server-rendered markup stands in until then.

/** How far outside the viewport a widget starts drawing: one screen ahead, so it is ready when scrolled to. */
const MARGIN = '100% 0px';

/**
 * Calls `start` once, when `element` comes within a screen of the viewport. The observer's callback runs after
 * layout, so `start` can measure without forcing a reflow. Returns a function that cancels the wait.
 */
export function whenNearViewport(element: Element, start: () => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    start();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      start();
    },
    { rootMargin: MARGIN },
  );
  observer.observe(element);
  return () => observer.disconnect();
}
