/**
 * Everything CRM-specific sits behind this interface: supporting another CRM means adding one
 * module that implements it and listing it in registry.ts.
 */
export interface CrmAdapter {
  id: string;
  /** Shown to the rep, e.g. "Pipedrive". */
  label: string;
  /** Match patterns of the CRM's pages, where the panel may run. */
  pagePatterns: readonly string[];
}
