import { template } from '@/tests/support/templates';
import { languageLabel, mainType, templateFacts, typeLabel } from './labels';

describe('labels', () => {
  it('names languages in English, keeping codes Intl does not know', () => {
    expect(languageLabel('sv')).toBe('Swedish');
    expect(languageLabel('pt_BR')).toBe('Brazilian Portuguese');
    expect(languageLabel('not a tag')).toBe('not a tag');
  });

  it('names content types, including ones Twilio adds later', () => {
    expect(typeLabel('twilio/quick-reply')).toBe('Quick reply');
    expect(typeLabel('whatsapp/authentication')).toBe('Authentication');
    expect(typeLabel('twilio/hologram')).toBe('hologram');
  });

  it('takes the richest type as the template’s type', () => {
    expect(mainType(template({ types: ['twilio/text', 'twilio/quick-reply'] }))).toBe('twilio/quick-reply');
    expect(mainType(template({ types: ['twilio/text'] }))).toBe('twilio/text');
    expect(mainType(template({ types: [] }))).toBeNull();
  });

  it('lists category, language and type, leaving out what is unknown', () => {
    expect(templateFacts(template({ category: 'utility', language: 'de', types: ['twilio/card'] }))).toEqual(['Utility', 'German', 'Card']);
    expect(templateFacts(template({ category: null, language: '', types: [] }))).toEqual([]);
  });
});
