/**
 * The contract's values that UI code needs. Kept apart from contract.ts, whose zod schemas only the
 * background needs: importing them would put the validator into every page's bundle.
 */
export const CHANNEL = 'dealchat/v1';
export const LIVE_PORT_NAME = 'dealchat/live';

/** A Content API template's sid, which sends it. */
export const CONTENT_SID_PATTERN = /^HX[0-9a-fA-F]{32}$/;

/** Body limit Twilio enforces for a single message. */
export const MAX_BODY_LENGTH = 1600;
/** WhatsApp limit for one template variable value. */
export const MAX_VARIABLE_LENGTH = 255;

/** Deal data a template variable can be filled from; 'manual' means the rep types it. */
export const DEAL_FIELDS = ['person.firstName', 'person.name', 'deal.title', 'deal.value', 'organization.name', 'owner.name', 'manual'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];
