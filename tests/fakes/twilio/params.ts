/** Reading and checking query and form parameters the way Twilio's OpenAPI description defines them. */
import type { Params } from './requests';
import type { SpecParam } from './spec';
import { TwilioApiError, gmtDay } from './wire';

export function toParams(search: URLSearchParams, isArray: (name: string) => boolean): Params {
  const params: Params = {};
  for (const name of new Set(search.keys())) {
    const values = search.getAll(name);
    params[name] = isArray(name) || values.length > 1 ? values : (values[0] ?? '');
  }
  return params;
}

function invalidParameter(message: string): TwilioApiError {
  return new TwilioApiError(400, 20001, message);
}

/** Rejects what real Twilio would not understand, so a misspelt parameter fails loudly in tests. */
export function checkParams(params: Params, known: ReadonlyMap<string, SpecParam>, operation: string): void {
  for (const [name, value] of Object.entries(params)) {
    const spec = known.get(name);
    if (!spec) throw invalidParameter(`Unknown parameter '${name}' for ${operation}`);
    if (Array.isArray(value) && !spec.array) throw invalidParameter(`Parameter '${name}' may be given only once`);
    const { integer } = spec;
    if (!integer) continue;
    for (const item of [value].flat()) {
      const number = /^-?\d+$/.test(item) ? Number(item) : NaN;
      const tooSmall = integer.minimum !== undefined && number < integer.minimum;
      const tooLarge = integer.maximum !== undefined && number > integer.maximum;
      if (Number.isNaN(number) || tooSmall || tooLarge) {
        const range = `${String(integer.minimum ?? '-∞')}..${String(integer.maximum ?? '∞')}`;
        throw invalidParameter(`Parameter '${name}' must be an integer in ${range}, got '${item}'`);
      }
    }
  }
}

/**
 * Twilio's whole-day GMT date filters: `{field}` (that day), `{field}>` (on or after) and
 * `{field}<` (on or before). Any time of day in the value is ignored, as Twilio does.
 */
export function dayFilter(query: Params, field: string): (ms: number) => boolean {
  const bound = (name: string): string | undefined => {
    const value = query[name];
    if (typeof value !== 'string') return undefined;
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) throw invalidParameter(`Invalid date for ${name}: '${value}'`);
    return gmtDay(ms);
  };
  const on = bound(field);
  const onOrAfter = bound(`${field}>`);
  const onOrBefore = bound(`${field}<`);
  return (ms) => {
    const day = gmtDay(ms);
    return (
      (on === undefined || day === on) &&
      (onOrAfter === undefined || day >= onOrAfter) &&
      (onOrBefore === undefined || day <= onOrBefore)
    );
  };
}
