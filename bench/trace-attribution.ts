/**
 * The main-thread time a Chrome trace shows the extension's scripts taking on a page: evaluating
 * (and compiling) them, and every callback Chrome makes into the content script's isolated world,
 * whatever called it (an event, a timer, an animation frame, an observer, a message).
 */

/** One event of Chrome's trace format, as `Tracing.dataCollected` delivers them; `ts` and `dur` in µs. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

/** The trace categories the attribution reads. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'];

export type WorkKind = 'evaluation' | 'events' | 'timers' | 'animationFrames' | 'observersAndMicrotasks' | 'messages' | 'other';

export interface Attribution {
  /** Main-thread time in the extension's scripts, each moment counted once. */
  totalMs: number;
  byKind: Record<WorkKind, number>;
  /** Calls into the content script's world, and evaluations of the extension's scripts. */
  calls: number;
  /** The extension's scripts the page evaluated. */
  scripts: string[];
}

/** The innermost of these around a callback says what made Chrome call it. */
const CALLERS: Readonly<Record<string, WorkKind>> = {
  EventDispatch: 'events',
  TimerFire: 'timers',
  FireAnimationFrame: 'animationFrames',
  RunMicrotasks: 'observersAndMicrotasks',
  HandlePostMessage: 'messages',
};
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'v8.run']);
const CALL_EVENTS = new Set(['v8.callFunction', 'FunctionCall']);

interface Span {
  start: number;
  end: number;
  kind: WorkKind | null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The script an event names, wherever its kind of event keeps it. */
function scriptUrl(event: TraceEvent): string | null {
  const args = record(event.args);
  const data = record(args.data);
  for (const candidate of [data.url, args.fileName, data.fileName]) if (typeof candidate === 'string' && candidate !== '') return candidate;
  return null;
}

function threadKey(event: TraceEvent): string {
  return `${String(event.pid)}:${String(event.tid)}`;
}

/** The renderer main threads that loaded a page of `pageOrigin`. */
function pageMainThreads(events: readonly TraceEvent[], pageOrigin: string): Set<string> {
  const mainThreads = new Set(
    events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && record(event.args).name === 'CrRendererMain').map(threadKey),
  );
  return new Set(
    events
      .filter((event) => mainThreads.has(threadKey(event)) && (scriptUrl(event)?.startsWith(`${pageOrigin}/`) ?? false))
      .map(threadKey),
  );
}

function sumKinds(spans: readonly Span[]): Record<WorkKind, number> {
  const byKind: Record<WorkKind, number> = { evaluation: 0, events: 0, timers: 0, animationFrames: 0, observersAndMicrotasks: 0, messages: 0, other: 0 };
  for (const span of spans) byKind[span.kind ?? 'other'] += (span.end - span.start) / 1_000;
  return byKind;
}

/**
 * Attributes the main-thread time of the page at `pageOrigin` to the extension at `extensionOrigin`
 * (`chrome-extension://<id>`). Promise reactions the content script's own code schedules run in
 * Chrome's microtask checkpoints, which the trace does not tie to a world: they are not counted.
 */
export function attributeToExtension(events: readonly TraceEvent[], extensionOrigin: string, pageOrigin: string): Attribution {
  const threads = pageMainThreads(events, pageOrigin);
  const onPage = events.filter((event) => event.ph === 'X' && event.dur !== undefined && threads.has(threadKey(event)));
  const isExtensionScript = (event: TraceEvent) => scriptUrl(event)?.startsWith(`${extensionOrigin}/`) ?? false;
  // Chrome names each world by a number per renderer; the content script's is the one its scripts run in.
  const worldOf = (event: TraceEvent) => {
    const worldId = record(event.args).worldId;
    return typeof worldId === 'number' ? `${threadKey(event)}#${String(worldId)}` : null;
  };
  const worlds = new Set(onPage.filter((event) => SCRIPT_EVENTS.has(event.name) && isExtensionScript(event)).map(worldOf));
  worlds.delete(null);
  const inContentWorld = (event: TraceEvent) => worlds.has(worldOf(event));

  const attributed = onPage
    .filter((event) => (SCRIPT_EVENTS.has(event.name) && isExtensionScript(event)) || (CALL_EVENTS.has(event.name) && (inContentWorld(event) || isExtensionScript(event))))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const callers = onPage.filter((event) => event.name in CALLERS);

  // Only the outermost of nested attributed events counts, so no moment is counted twice.
  const spans: Span[] = [];
  for (const event of attributed) {
    const start = event.ts;
    const end = event.ts + (event.dur ?? 0);
    const outer = spans.at(-1);
    if (outer !== undefined && start < outer.end) {
      outer.end = Math.max(outer.end, end);
      continue;
    }
    const caller = callers
      .filter((candidate) => candidate.ts <= start && candidate.ts + (candidate.dur ?? 0) >= end)
      .reduce<TraceEvent | null>((inner, candidate) => (inner === null || candidate.ts >= inner.ts ? candidate : inner), null);
    const kind = SCRIPT_EVENTS.has(event.name) ? 'evaluation' : caller === null ? null : (CALLERS[caller.name] ?? null);
    spans.push({ start, end, kind });
  }
  const byKind = sumKinds(spans);
  return {
    totalMs: Object.values(byKind).reduce((sum, ms) => sum + ms, 0),
    byKind,
    calls: spans.length,
    scripts: [...new Set(attributed.filter((event) => SCRIPT_EVENTS.has(event.name)).map((event) => scriptUrl(event) ?? ''))],
  };
}
