/** The real detector behind the linter's language rule: sure only about real sentences. */
import { createLanguageDetector } from './language-detector';

const detector = createLanguageDetector();

describe('createLanguageDetector', () => {
  it.each([
    ['en', 'Your order has left our warehouse and should arrive on Thursday, reply here to change the address.'],
    ['sv', 'Din order har lämnat vårt lager och bör komma fram på torsdag, svara här om du vill ändra adressen.'],
    ['de', 'Ihre Bestellung hat unser Lager verlassen und sollte am Donnerstag ankommen, antworten Sie hier für eine neue Adresse.'],
    ['es', 'Tu pedido ha salido de nuestro almacén y debería llegar el jueves, responde aquí si quieres cambiar la dirección.'],
  ])('is sure a sentence is %s', (language, text) => {
    expect(detector.detect(text)).toEqual({ language, confident: true });
  });

  it('is never sure about a few words, even when it guesses right', () => {
    expect(detector.detect('Din faktura är klar.')).toEqual({ language: 'sv', confident: false });
    // Short Scandinavian phrases are where eld errs: "Påminnelse: demo i dag" reads as Norwegian.
    expect(detector.detect('Påminnelse: demo i dag')?.confident).toBe(false);
  });

  it('says nothing about text without letters', () => {
    expect(detector.detect('12:30 – 14:00')).toBeNull();
  });
});
