import { deal, deferred } from '@/tests/support/panel';
import { BackgroundError } from '@/utils/messaging/client';
import type { DealContext } from '@/utils/messaging/views';
import { createDealContextCache } from './deal-context-cache';

const renamed: DealContext = { ...deal, title: 'Solar panels for HQ and the warehouse' };

it('knows a deal once it has been read, and the freshest reading of it', async () => {
  const readDeal = vi.fn<(dealId: string) => Promise<DealContext>>().mockResolvedValueOnce(deal).mockResolvedValueOnce(renamed);
  const deals = createDealContextCache(readDeal);
  expect(deals.lastRead('101')).toBeNull();

  await expect(deals.read('101')).resolves.toEqual(deal);
  expect(deals.lastRead('101')).toEqual(deal);
  expect(deals.lastRead('102')).toBeNull();

  await deals.read('101');
  expect(deals.lastRead('101')).toEqual(renamed);
});

it('joins a reading of the deal already under way instead of asking again', async () => {
  const answer = deferred<DealContext>();
  const readDeal = vi.fn(() => answer.promise);
  const deals = createDealContextCache(readDeal);
  const early = deals.read('101');
  const late = deals.read('101');
  answer.resolve(deal);
  await expect(early).resolves.toEqual(deal);
  await expect(late).resolves.toEqual(deal);
  expect(readDeal).toHaveBeenCalledOnce();

  await deals.read('101');
  expect(readDeal).toHaveBeenCalledTimes(2);
});

it('keeps the last good reading when the next one fails, and asks again after a failure', async () => {
  const readDeal = vi
    .fn<(dealId: string) => Promise<DealContext>>()
    .mockResolvedValueOnce(deal)
    .mockRejectedValueOnce(new BackgroundError('unreachable', 'No answer.'))
    .mockResolvedValueOnce(renamed);
  const deals = createDealContextCache(readDeal);
  await deals.read('101');
  await expect(deals.read('101')).rejects.toThrow('No answer.');
  expect(deals.lastRead('101')).toEqual(deal);
  await expect(deals.read('101')).resolves.toEqual(renamed);
});
