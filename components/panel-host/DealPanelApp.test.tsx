// @vitest-environment happy-dom
import '@testing-library/jest-dom/vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { deal, deferred, fakeBackend } from '@/tests/support/panel';
import { BackgroundError } from '@/utils/messaging/client';
import type { DealContext } from '@/utils/messaging/views';
import { DealPanelApp } from './DealPanelApp';
import { createDealContextCache } from './deal-context-cache';
import { createPanelCommandChannel } from './panel-command-channel';

const movedOn: DealContext = { ...deal, person: { name: 'Anna Svensson', firstName: 'Anna', lastName: 'Svensson' } };
const otherDeal: DealContext = { ...deal, dealId: '202', person: { name: 'Jonas Berg', firstName: 'Jonas', lastName: 'Berg' } };

/** The page's deal store, whose readings of the background the test answers one by one. */
function pageDeals() {
  const readings: ReturnType<typeof deferred<DealContext>>[] = [];
  const readDeal = vi.fn(() => {
    const reading = deferred<DealContext>();
    readings.push(reading);
    return reading.promise;
  });
  const deals = createDealContextCache(readDeal);
  const answer = (settle: (reading: ReturnType<typeof deferred<DealContext>>) => void) =>
    act(async () => {
      const reading = readings.at(-1);
      if (reading === undefined) throw new Error('The deal was not read.');
      settle(reading);
      await reading.promise.catch(() => undefined);
    });
  return { deals, readDeal, answer };
}

function renderApp(dealId: string, deals: ReturnType<typeof pageDeals>['deals']) {
  const { backend } = fakeBackend();
  const channel = createPanelCommandChannel(backend);
  return render(<DealPanelApp dealId={dealId} deals={deals} backend={backend} requests={channel.requests} />);
}

/** Opens deal 101 once, so the page has read it, and leaves it. */
async function visitedBefore() {
  const page = pageDeals();
  const first = renderApp('101', page.deals);
  await page.answer((reading) => reading.resolve(deal));
  first.unmount();
  return page;
}

const region = () => screen.getByRole('region', { name: 'WhatsApp' });

describe('DealPanelApp', () => {
  it('loads a deal it has not seen, then shows its panel', async () => {
    const { deals, answer } = pageDeals();
    renderApp('101', deals);
    expect(region()).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading the deal…')).toBeInTheDocument();

    await answer((reading) => reading.resolve(deal));
    expect(within(region()).getByText('Jürgen Muñoz')).toBeInTheDocument();
  });

  it('shows a deal read earlier on the page at once, and the fresh reading once it is in', async () => {
    const { deals, readDeal, answer } = await visitedBefore();
    renderApp('101', deals);
    expect(within(region()).getByText('Jürgen Muñoz')).toBeInTheDocument();
    expect(readDeal).toHaveBeenCalledTimes(2);

    await answer((reading) => reading.resolve(movedOn));
    expect(within(region()).getByText('Anna Svensson')).toBeInTheDocument();
    expect(within(region()).queryByText('Jürgen Muñoz')).not.toBeInTheDocument();
  });

  it('never shows another deal’s reading', async () => {
    const { deals, answer } = await visitedBefore();
    renderApp('202', deals);
    expect(screen.getByText('Loading the deal…')).toBeInTheDocument();
    expect(screen.queryByText('Jürgen Muñoz')).not.toBeInTheDocument();

    await answer((reading) => reading.resolve(otherDeal));
    expect(within(region()).getByText('Jonas Berg')).toBeInTheDocument();
  });

  it('keeps the earlier reading, and what the rep typed, when reading the deal again fails; and tries again on request', async () => {
    const user = userEvent.setup();
    const { deals, readDeal, answer } = await visitedBefore();
    renderApp('101', deals);
    const typed = await screen.findByRole('textbox', { name: 'Message' });
    await user.type(typed, 'The quote is on its way');

    await answer((reading) => reading.reject(new BackgroundError('unreachable', 'Dealchat’s background service did not answer.')));
    expect(screen.getByRole('alert')).toHaveTextContent('Dealchat’s background service did not answer. Showing the deal as it was read before.');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('The quote is on its way');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(readDeal).toHaveBeenCalledTimes(3);
    await answer((reading) => reading.resolve(movedOn));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(region()).getByText('Anna Svensson')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('The quote is on its way');
  });

  it('explains a deal it cannot read at all, and tries again on request', async () => {
    const user = userEvent.setup();
    const { deals, answer } = pageDeals();
    renderApp('101', deals);
    await answer((reading) => reading.reject(new BackgroundError('refused', 'Deal details can only be read from that deal’s own page.')));
    expect(within(region()).getByRole('alert')).toHaveTextContent('Deal details can only be read from that deal’s own page.');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Loading the deal…')).toBeInTheDocument();
    await answer((reading) => reading.resolve(deal));
    expect(within(region()).getByText('Jürgen Muñoz')).toBeInTheDocument();
  });
});
