/**
 * What the popup may ask the deal-page content script of the tab it was opened over, through
 * `tabs.sendMessage`. Kept apart from the background contract: these never reach the background.
 * Parsed by hand rather than with zod, which stays out of the UI bundles (see constants.ts).
 */
import { CONTENT_SID_PATTERN } from './constants';

export const PANEL_CHANNEL = 'dealchat/panel';

export type PanelCommand =
  /** Whether this tab shows a deal panel that can take a template. */
  | { channel: typeof PANEL_CHANNEL; type: 'ping' }
  /** Opens the template in the panel's picker, ready to fill from the deal and send. */
  | { channel: typeof PANEL_CHANNEL; type: 'openTemplate'; contentSid: string };

export type PanelCommandType = PanelCommand['type'];

export interface PanelCommandResponses {
  ping: { hasPanel: boolean };
  /** False when the panel is gone or cannot show templates right now (e.g. no WhatsApp number on the deal). */
  openTemplate: { opened: boolean };
}

export type PanelCommandResponse<T extends PanelCommandType> = PanelCommandResponses[T];

// Each answer is a single yes or no.
const ANSWER_FIELDS: { readonly [T in PanelCommandType]: keyof PanelCommandResponses[T] } = {
  ping: 'hasPanel',
  openTemplate: 'opened',
};

/** The content script's side: the command in an untrusted message, or null when it is not exactly one of ours. */
export function parsePanelCommand(raw: unknown): PanelCommand | null {
  if (!isRecord(raw) || raw.channel !== PANEL_CHANNEL) return null;
  const fields = Object.keys(raw).length;
  if (raw.type === 'ping' && fields === 2) return { channel: PANEL_CHANNEL, type: 'ping' };
  if (raw.type === 'openTemplate' && fields === 3 && typeof raw.contentSid === 'string' && CONTENT_SID_PATTERN.test(raw.contentSid)) {
    return { channel: PANEL_CHANNEL, type: 'openTemplate', contentSid: raw.contentSid };
  }
  return null;
}

/** The popup's side: the content script's answer, or null when it did not answer as agreed. */
export function parsePanelResponse<T extends PanelCommandType>(type: T, raw: unknown): PanelCommandResponse<T> | null {
  const field = ANSWER_FIELDS[type];
  if (!isRecord(raw) || typeof raw[field] !== 'boolean') return null;
  return { [field]: raw[field] } as PanelCommandResponse<T>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
