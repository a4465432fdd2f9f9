import { recentlySeen } from './recently-seen';

it('keeps the most recently used entries and drops the least recently used beyond its limit', () => {
  const seen = recentlySeen<string>(2);
  seen.set('101', 'Solar panels');
  seen.set('102', 'Heat pump');
  expect(seen.get('101')).toBe('Solar panels');

  seen.set('103', 'Wind turbine');
  expect(seen.get('102')).toBeUndefined();
  expect(seen.get('101')).toBe('Solar panels');
  expect(seen.get('103')).toBe('Wind turbine');
});

it('replaces an entry without counting it twice', () => {
  const seen = recentlySeen<string>(2);
  seen.set('101', 'Solar panels');
  seen.set('101', 'Solar panels, 12 kW');
  seen.set('102', 'Heat pump');
  expect(seen.get('101')).toBe('Solar panels, 12 kW');
  expect(seen.get('102')).toBe('Heat pump');
});
