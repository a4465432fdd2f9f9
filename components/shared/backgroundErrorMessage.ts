import { BackgroundError } from '@/utils/messaging/client';

/**
 * The background's messages are written for users; anything else is a bug whose text would only
 * confuse, so it gets the caller's plain fallback instead.
 */
export function backgroundErrorMessage(error: unknown, fallback: string): string {
  return error instanceof BackgroundError ? error.message : fallback;
}
