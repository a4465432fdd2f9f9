const DAY = 24 * 60 * 60 * 1000;

interface DaySeparatorProps {
  day: Date;
  now: number;
  locale: string | undefined;
}

export function DaySeparator({ day, now, locale }: DaySeparatorProps) {
  return (
    <div className="dc-day">
      <span>{dayLabel(day, now, locale)}</span>
    </div>
  );
}

function dayLabel(day: Date, now: number, locale: string | undefined): string {
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  const daysAgo = Math.round((startOfDay(new Date(now)).getTime() - day.getTime()) / DAY);
  if (daysAgo === 0) return 'Today';
  if (daysAgo === 1) return 'Yesterday';
  if (daysAgo > 1 && daysAgo < 7) return day.toLocaleDateString(locale, { weekday: 'long' });
  const sameYear = day.getFullYear() === new Date(now).getFullYear();
  return day.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: sameYear ? undefined : 'numeric' });
}

/** Local midnight, so days are the rep's calendar days. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}
