import { normalizeLanguage } from './language';

describe('normalizeLanguage', () => {
  it.each([
    ['en', { tag: 'en', base: 'en', whatsapp: 'en' }],
    ['pt_BR', { tag: 'pt-BR', base: 'pt', whatsapp: 'pt_BR' }],
    ['pt-br', { tag: 'pt-BR', base: 'pt', whatsapp: 'pt_BR' }],
    [' sv_SE ', { tag: 'sv-SE', base: 'sv', whatsapp: 'sv_SE' }],
    ['es-419', { tag: 'es-419', base: 'es', whatsapp: 'es_419' }],
    ['zh-Hant-TW', { tag: 'zh-Hant-TW', base: 'zh', whatsapp: 'zh_TW' }],
  ])('reads %s', (input, expected) => {
    expect(normalizeLanguage(input)).toEqual(expected);
  });

  it.each(['', 'english', 'e', 'sv__SE', '12'])('refuses %j', (input) => {
    expect(normalizeLanguage(input)).toBeNull();
  });
});
