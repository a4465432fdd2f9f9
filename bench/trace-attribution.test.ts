import { describe, expect, it } from 'vitest';
import { attributeToExtension, type TraceEvent } from './trace-attribution';

const EXTENSION = 'chrome-extension://abcdefghijklmnop';
const PAGE = 'https://acme.pipedrive.com';
const CONTENT_SCRIPT = `${EXTENSION}/content-scripts/crm.js`;
const CONTENT_WORLD = 3;

const thread = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid, args: { name } });
/** A complete event on the page's main thread unless told otherwise; times in µs. */
const span = (name: string, ts: number, dur: number, args: Record<string, unknown> = {}, pid = 1, tid = 1): TraceEvent => ({ name, ph: 'X', ts, dur, pid, tid, args });

const METADATA = [thread(1, 1, 'CrRendererMain'), thread(1, 2, 'Compositor'), thread(2, 1, 'CrRendererMain')];
const PAGE_LOAD = [
  span('EvaluateScript', 100, 800, { data: { url: `${PAGE}/deals/list` } }),
  span('v8.run', 150, 700, { fileName: `${PAGE}/deals/list`, worldId: 0 }),
];

describe('attributeToExtension', () => {
  it('counts the content script’s evaluation and every callback into its world once, by what called it', () => {
    const events = [
      ...METADATA,
      ...PAGE_LOAD,
      span('EvaluateScript', 1_000, 5_000, { data: { url: CONTENT_SCRIPT } }),
      span('v8.compile', 1_000, 2_000, { data: { url: CONTENT_SCRIPT }, worldId: CONTENT_WORLD }),
      span('v8.run', 3_000, 3_000, { fileName: CONTENT_SCRIPT, worldId: CONTENT_WORLD }),
      // The app's click handler pushes a state; the content script's navigation listener runs inside it.
      span('EventDispatch', 10_000, 3_000, { data: { type: 'click' } }),
      span('FunctionCall', 10_000, 1_500, { data: { url: `${PAGE}/deals/list` } }),
      span('v8.callFunction', 11_000, 500, { worldId: CONTENT_WORLD }),
      // The checkpoint after the handler delivers the content script's mutation records.
      span('RunMicrotasks', 12_000, 800),
      span('v8.callFunction', 12_100, 300, { worldId: CONTENT_WORLD }),
      span('TimerFire', 20_000, 1_000, { data: { timerId: 7 } }),
      span('FunctionCall', 20_000, 1_000, { data: { url: CONTENT_SCRIPT } }),
      span('v8.callFunction', 20_010, 900, { worldId: CONTENT_WORLD }),
      span('RunMicrotasks', 30_000, 400),
      span('v8.callFunction', 30_000, 200, { worldId: CONTENT_WORLD }),
      span('v8.callFunction', 40_000, 300, { worldId: CONTENT_WORLD }),
      // The page's own work, and Playwright's utility world.
      span('v8.callFunction', 50_000, 2_000),
      span('v8.callFunction', 60_000, 100, { worldId: 536_870_914 }),
      // The same script in another renderer (the extension's own page), and off the main thread.
      span('EvaluateScript', 1_000, 9_000, { data: { url: CONTENT_SCRIPT } }, 2),
      span('v8.callFunction', 70_000, 9_000, { worldId: CONTENT_WORLD }, 2),
      span('v8.compile', 1_000, 9_000, { data: { url: CONTENT_SCRIPT }, worldId: CONTENT_WORLD }, 1, 2),
    ];

    const attribution = attributeToExtension(events, EXTENSION, PAGE);

    expect(attribution.byKind).toEqual({ evaluation: 5, events: 0.5, timers: 1, animationFrames: 0, observersAndMicrotasks: 0.5, messages: 0, other: 0.3 });
    expect(attribution.totalMs).toBeCloseTo(7.3);
    expect(attribution.calls).toBe(6);
    expect(attribution.scripts).toEqual([CONTENT_SCRIPT]);
  });

  it('counts a chunk the content script imports, and callbacks in the world it runs in', () => {
    const chunk = `${EXTENSION}/chunks/deal-panel-3f2a.js`;
    const events = [
      ...METADATA,
      ...PAGE_LOAD,
      span('v8.run', 1_000, 1_000, { fileName: CONTENT_SCRIPT, worldId: CONTENT_WORLD }),
      span('v8.evaluateModule', 5_000, 2_000, { data: { url: chunk } }),
      span('FireAnimationFrame', 9_000, 600),
      span('v8.callFunction', 9_100, 400, { worldId: CONTENT_WORLD }),
    ];
    const attribution = attributeToExtension(events, EXTENSION, PAGE);
    expect(attribution.byKind).toMatchObject({ evaluation: 3, animationFrames: 0.4 });
    expect(attribution.scripts).toEqual([CONTENT_SCRIPT, chunk]);
  });

  it('finds nothing on a page the extension never ran on', () => {
    const events = [...METADATA, ...PAGE_LOAD, span('v8.callFunction', 10_000, 500), span('EventDispatch', 20_000, 100, { data: { type: 'click' } })];
    expect(attributeToExtension(events, EXTENSION, PAGE)).toMatchObject({ totalMs: 0, calls: 0, scripts: [] });
  });
});
