/** The nspell checker with the real Swedish and German dictionaries, where nspell needs help. */
import { readDictionary } from './dictionary-assets';
import { createSpellChecker, type NspellChecker } from './spelling';

let swedish: NspellChecker;
let german: NspellChecker;

beforeAll(() => {
  swedish = createSpellChecker(readDictionary('sv'), 'sv');
  german = createSpellChecker(readDictionary('de'), 'de');
}, 60_000);

function rejected(checker: NspellChecker, words: string[]): string[] {
  return words.filter((word) => !checker.isCorrect(word));
}

function accepted(checker: NspellChecker, words: string[]): string[] {
  return words.filter((word) => checker.isCorrect(word));
}

describe('createSpellChecker', () => {
  it('does not pass every string as Swedish (nspell’s COMPOUNDRULE handling, dropped)', () => {
    expect(accepted(swedish, ['xyzq', 'qwerty', 'ordr', 'hejj'])).toEqual([]);
  });

  it('knows everyday words that the dictionaries also list as compound parts', () => {
    expect(rejected(swedish, ['berättar', 'hej', 'mötet', 'betalning'])).toEqual([]);
    expect(rejected(german, ['erhalten', 'erinnern', 'melden', 'finden', 'stellen', 'Rechnung'])).toEqual([]);
  });

  it('accepts correct Swedish compounds, with and without the linking s', () => {
    expect(
      rejected(swedish, [
        'orderbekräftelse', 'tidsbokning', 'avtalsförnyelse', 'kundmötet', 'leveransbekräftelsen', 'uppföljningsmöte',
        'betalningsplanen', 'spårningslänk', 'tilläggsmoduler', 'arbetsdag', 'säljteamet', 'säljavtalsförnyelsen',
      ]),
    ).toEqual([]);
  });

  it('accepts correct German compounds, with linking letters and verb stems', () => {
    expect(
      rejected(german, [
        'Auftragsbestätigung', 'Liefertermin', 'Vertragsverlängerung', 'Rechnungsnummer', 'Kundengespräch',
        'Zahlungserinnerung', 'Verkaufsgespräch', 'Berichtsfunktionen', 'Kundenkonto', 'Sendungsnummer',
      ]),
    ).toEqual([]);
  });

  it('still catches typos, including ones that split into short words', () => {
    expect(accepted(swedish, ['betalnig', 'uppskatar', 'förtoende', 'fortsat'])).toEqual([]);
    expect(accepted(german, ['Zahlnug', 'Auftrgsbestätigung', 'Liefertremin', 'Zusammenarbiet'])).toEqual([]);
  });

  it('learns the account’s own words', () => {
    expect(swedish.isCorrect('Dealchat')).toBe(false);
    swedish.addWords(['Dealchat']);
    expect(swedish.isCorrect('Dealchat')).toBe(true);
  });

  it('suggests corrections on request', () => {
    expect(swedish.suggest('betalnig')).toContain('betalning');
  });
});
