/**
 * Twilio going wrong while a rep works in a deal's panel, in the production build: the panel says
 * what is wrong and what to do, and picks up where it was once Twilio takes the account again.
 */
import { expect } from 'vitest';
import { explainTwilioError } from '../../utils/background/twilio/error-explanations';
import { panelTest as test } from './support/fixtures';
import { whatsAppPanel } from './support/panel';

const ANNA = '+46701234567';
const CREDENTIALS_REJECTED = explainTwilioError(20003);

test('credentials revoked mid-session: the open panel says so, the send fails with what to check, and all resumes once they work', async ({
  twilio,
  pipedrive,
  connect,
  openDeal,
}) => {
  const anna = pipedrive.fake.addPerson({ name: 'Anna Svensson', phones: [{ value: '070-123 45 67', label: 'mobile', primary: true }] });
  const deal = pipedrive.fake.addDeal({ title: 'Acme expansion', personId: anna });
  twilio.fake.receiveInbound({ from: ANNA, body: 'Could you send the contract?' });
  await connect();
  const panel = whatsAppPanel(await openDeal(deal));
  await panel.thread.getByText('Could you send the contract?').waitFor();

  // Someone rotates the API key in the Twilio Console while the deal is open.
  twilio.fake.revokeCredentials();
  const syncProblem = panel.region.getByRole('alert').filter({ hasText: 'New messages may be missing.' });
  await syncProblem.filter({ hasText: CREDENTIALS_REJECTED.summary }).waitFor();

  await panel.message.fill('Here it comes.');
  await panel.send.click();
  const failure = panel.thread.getByText(CREDENTIALS_REJECTED.summary);
  await failure.waitFor();
  await panel.thread.getByText(CREDENTIALS_REJECTED.action).waitFor();
  twilio.fake.receiveInbound({ from: ANNA, body: 'Still waiting for it!' });
  expect(twilio.fake.sentMessages()).toEqual([]);

  // The key works again: the next poll clears the notice and brings what Anna wrote meanwhile.
  twilio.fake.restoreCredentials();
  await panel.thread.getByText('Still waiting for it!').waitFor();
  await syncProblem.waitFor({ state: 'detached' });
  await panel.thread.getByRole('button', { name: 'Retry' }).click();
  await failure.waitFor({ state: 'detached' });
  await expect.poll(() => twilio.fake.sentMessages().map((sent) => sent.body)).toEqual(['Here it comes.']);
});
