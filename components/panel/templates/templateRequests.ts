import type { TemplateView } from '@/utils/messaging/views';

/**
 * Templates the rep asks for outside the panel, such as with the toolbar popup's "Insert into
 * panel". Whoever passes one on has checked that it is synced and approved.
 */
export interface TemplateRequests {
  /**
   * Hands requests to `open` while the panel can show templates: a number chosen, its conversation
   * loaded, Twilio set up. Returns the function that stops taking them.
   */
  serve: (open: (template: TemplateView) => void) => () => void;
}
