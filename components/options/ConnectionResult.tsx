import { ErrorNotice, Notice } from '@/components/shared/Notice';
import type { ConnectionProblem, ConnectionTestResult } from '@/utils/messaging/views';

export type ConnectionTestState =
  | { status: 'idle' }
  | { status: 'testing' }
  | { status: 'done'; result: ConnectionTestResult }
  | { status: 'failed'; message: string };

const PROBLEM_TITLES: Record<ConnectionProblem, string> = {
  'invalid-input': 'Some details are not valid',
  'credentials-rejected': 'Twilio did not accept these credentials',
  network: 'Twilio could not be reached',
  'account-inactive': 'This Twilio account is not active',
  'twilio-error': 'Twilio reported a problem',
};

function templateSummary(count: number): string {
  if (count === 0) return 'No message templates found yet.';
  return count === 1 ? '1 message template found.' : `${count} message templates found.`;
}

interface ConnectionResultProps {
  state: ConnectionTestState;
  /** The form differs from what is saved, so a passing test has not changed anything yet. */
  unsaved: boolean;
}

export function ConnectionResult({ state, unsaved }: ConnectionResultProps) {
  const result = state.status === 'done' ? state.result : null;
  return (
    <>
      {/* Always rendered: a status region must exist before its content changes to be announced. */}
      <div role="status" aria-label="Connection test result" className="live-region">
        {result?.ok && (
          <Notice tone="success" title={`Connected to ${result.accountName}`}>
            <p>
              {result.accountType} account. {templateSummary(result.templateCount)}
            </p>
            {result.notes.length > 0 && (
              <ul className="notice__list">
                {result.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
            {unsaved && <p className="notice__aside">These settings are not saved yet — select Save to start using them.</p>}
          </Notice>
        )}
      </div>
      {result && !result.ok && (
        <ErrorNotice title={PROBLEM_TITLES[result.problem]}>
          <p>{result.message}</p>
        </ErrorNotice>
      )}
      {state.status === 'failed' && (
        <ErrorNotice title="The connection could not be tested">
          <p>{state.message}</p>
        </ErrorNotice>
      )}
    </>
  );
}
