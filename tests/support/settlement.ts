/**
 * The one verdict on how a send ended, for every test that puts sends through trouble: sent
 * exactly once, or failed with a reason the rep can read, and never lost or shown twice.
 */
import type { MessageState, MessageView } from '../../utils/messaging/views';

export interface SendRecord {
  body: string;
  /** The outbox id the background answered with; null when the caller never got an answer. */
  outboxId: string | null;
}

/**
 * What is wrong with how `send` ended, in words (empty when nothing is): `shown` are the thread's
 * messages with its body, `atTwilio` the messages Twilio created with it, and `sentState` the state
 * a message Twilio took should have reached by now.
 */
export function settlementProblems(
  send: SendRecord,
  shown: readonly MessageView[],
  atTwilio: readonly { sid: string }[],
  sentState: MessageState,
): string[] {
  const problems: string[] = [];
  const name = `"${send.body}"`;
  if (shown.length > 1) problems.push(`${name} is shown ${shown.length} times`);
  if (send.outboxId !== null && !shown.some((message) => message.outboxId === send.outboxId)) {
    problems.push(`${name} was accepted by the background but is not in the thread`);
  }
  const twilioSids = atTwilio.map((sent) => sent.sid);
  const message = shown[0];
  if (message === undefined) {
    // Never recorded: the caller was told it failed, so it must not have gone out either.
    if (twilioSids.length > 0) problems.push(`${name} reached Twilio ${twilioSids.length} times but is not in the thread`);
    return problems;
  }
  if (message.state === 'failed') {
    if (!message.error?.summary) problems.push(`${name} failed without a reason`);
  } else if (message.state !== sentState) {
    problems.push(`${name} ended ${message.state}, not ${sentState}`);
  }
  const expected = message.sid === null ? [] : [message.sid];
  if (JSON.stringify(twilioSids) !== JSON.stringify(expected)) {
    problems.push(`${name} is ${JSON.stringify(expected)} in the thread but ${JSON.stringify(twilioSids)} at Twilio`);
  }
  return problems;
}
