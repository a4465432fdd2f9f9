/** FakeTwilio on a local HTTPS port, standing in for api.twilio.com and content.twilio.com. */
import type { SettingsInput } from '../../../utils/messaging/contract';
import type { TemplateView } from '../../../utils/messaging/views';
import { FakeTwilio, startFakeTwilioServer, type FakeTwilioOptions, type FakeTwilioServer, type RecordedRequest } from '../../fakes/twilio';
import { API_HOST, CONTENT_HOST } from '../../fakes/twilio/wire';

export interface LocalTwilio {
  fake: FakeTwilio;
  server: FakeTwilioServer;
  /** For `launchExtension`: both hosts to the one server, which routes by the Host header. */
  hostMap: Record<string, string>;
  /** What a rep would type into the options page for this account. */
  settings: SettingsInput;
  /** The send requests (POST Messages.json) Twilio has received, answered or not. */
  sendRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/** One form field of a request the fake recorded; fails the test when it is missing or repeated. */
export function formValue(sent: RecordedRequest | undefined, name: string): string {
  const value = sent?.form[name];
  if (typeof value !== 'string') throw new Error(`The request has no single ${name}: ${JSON.stringify(sent?.form)}`);
  return value;
}

/**
 * Puts templates in the account as the Content API serves them, from the way the UI shows them
 * (e.g. `generateTemplates`), so the test knows what the background should make of each.
 */
export function addTemplateViews(fake: FakeTwilio, views: readonly TemplateView[]): void {
  for (const view of views) {
    fake.addTemplate({
      sid: view.sid,
      friendlyName: view.friendlyName,
      language: view.language,
      types: view.details,
      variables: view.sampleValues,
      // Twilio spells categories in capitals and leaves the reason empty unless rejected.
      approval: { category: view.category?.toUpperCase() ?? '', status: view.approvalStatus, rejection_reason: view.rejectionReason ?? '' },
    });
  }
}

export async function startLocalTwilio(options: FakeTwilioOptions = {}): Promise<LocalTwilio> {
  const fake = new FakeTwilio(options);
  const server = await startFakeTwilioServer(fake, { https: true });
  const target = `127.0.0.1:${server.port}`;
  return {
    fake,
    server,
    hostMap: { [`${API_HOST}:443`]: target, [`${CONTENT_HOST}:443`]: target },
    settings: {
      accountSid: fake.accountSid,
      authMethod: 'apiKey',
      apiKeySid: fake.apiKeySid,
      apiKeySecret: fake.apiKeySecret,
      authToken: '',
      whatsappSender: options.whatsappSenders?.[0] ?? '+14155238886',
      messagingServiceSid: '',
      defaultCountry: 'SE',
    },
    sendRequests: () => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json')),
    close: () => server.close(),
  };
}
