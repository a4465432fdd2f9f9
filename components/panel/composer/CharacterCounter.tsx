import { MAX_BODY_LENGTH } from '@/utils/messaging/constants';

/** Remaining-character marks at which a screen reader hears how close the limit is, instead of every keystroke. */
const WARNING_STEPS = [100, 50, 20, 10];

export function CharacterCounter({ id, length }: { id: string; length: number }) {
  const remaining = MAX_BODY_LENGTH - length;
  const tone = remaining < 0 ? ' dc-counter--over' : remaining <= (WARNING_STEPS[0] ?? 0) ? ' dc-counter--near' : '';
  return (
    <>
      <span id={id} className={`dc-counter${tone}`}>
        {length} / {MAX_BODY_LENGTH}
      </span>
      <span className="dc-visually-hidden" aria-live="polite">
        {announcement(remaining)}
      </span>
    </>
  );
}

function announcement(remaining: number): string {
  if (remaining < 0) return '';
  const step = WARNING_STEPS.filter((mark) => remaining <= mark).at(-1);
  if (step === undefined) return '';
  return remaining === 0 ? 'Character limit reached.' : `At most ${step} characters left.`;
}
