const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 2822 as Twilio writes it (`Thu, 24 Aug 2023 05:01:45 +0000`), plus the `GMT` zone of HTTP `Date` headers.
const RFC_2822 =
  /^\s*(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|gmt|ut|utc|z)\s*$/i;

// The Content API documents RFC 2822 but answers with ISO 8601 (`2023-01-13T23:33:46Z`).
const ISO_8601 = /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(z|[+-]\d{2}:?\d{2})\s*$/i;

interface DateParts {
  year: number;
  monthIndex: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  zone: string;
}

/** Epoch ms of a Twilio date (RFC 2822, or the ISO 8601 the Content API uses); null when absent or unreadable. */
export function parseTwilioDate(text: string | null): number | null {
  if (text === null) return null;
  const rfc = RFC_2822.exec(text);
  if (rfc) {
    const [, day, month, year, hour, minute, second, zone] = rfc;
    return toEpoch({
      year: Number(year),
      monthIndex: MONTHS.indexOf((month ?? '').toLowerCase()),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second ?? '0'),
      zone: zone ?? '',
    });
  }
  const iso = ISO_8601.exec(text);
  if (iso) {
    const [, year, month, day, hour, minute, second, zone] = iso;
    return toEpoch({
      year: Number(year),
      monthIndex: Number(month) - 1,
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
      zone: (zone ?? '').replace(':', ''),
    });
  }
  return null;
}

/** The `YYYY-MM-DD` day (in GMT) Twilio's `DateSent` filters take. */
export function toTwilioDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toEpoch({ year, monthIndex, day, hour, minute, second, zone }: DateParts): number | null {
  const offset = zoneOffsetMinutes(zone);
  // 60 is a leap second, which Date cannot represent.
  if (offset === null || monthIndex < 0 || hour > 23 || minute > 59 || second > 60) return null;
  const wallClock = Date.UTC(year, monthIndex, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over into March; a real date survives the round trip.
  const check = new Date(wallClock);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== monthIndex || check.getUTCDate() !== day) return null;
  return wallClock - offset * 60_000;
}

function zoneOffsetMinutes(zone: string): number | null {
  if (!/^[+-]\d{4}$/.test(zone)) return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(3, 5));
  if (hours > 23 || minutes > 59) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}
