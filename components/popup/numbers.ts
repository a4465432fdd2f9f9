const counts = new Intl.NumberFormat('en');

/** "6,000": the popup's text is English, so are its numbers. */
export function formatCount(n: number): string {
  return counts.format(n);
}
