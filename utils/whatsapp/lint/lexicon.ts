/**
 * Words that tell what a message is about, per language the linter knows (English, Swedish, German,
 * Spanish): greetings, courtesies and the "and" between them (a body of only these and variables is vague), the details a utility
 * message is expected to carry, promotional wording, and one-time-code wording.
 *
 * A term may start or end with `*`: any letters there, so Swedish and German compounds ("sommarrabatt",
 * "Auftragsbestätigung") and inflections match. Terms are matched case-insensitively on word boundaries.
 */

export type LexiconLanguage = 'en' | 'sv' | 'de' | 'es';

interface Lexicon {
  courtesy: readonly string[];
  details: readonly string[];
  promotional: readonly string[];
  oneTimeCode: readonly string[];
}

const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
// Not "may": it is far more often the verb.
const MONTHS_EN = ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const LEXICONS: Readonly<Record<LexiconLanguage, Lexicon>> = {
  en: {
    courtesy: [
      'hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'greetings', 'welcome',
      'thanks', 'thank you', 'many thanks', 'thank you very much', 'regards', 'kind regards', 'best regards',
      'best wishes', 'best', 'cheers', 'all the best', 'have a nice day', 'have a great day', 'take care',
      'see you', 'bye', 'sincerely', 'yours', 'mr', 'mrs', 'ms', 'and',
    ],
    details: [
      'order*', 'invoice*', 'receipt*', 'payment*', 'paid', 'pay', 'due', 'overdue', 'booking*', 'booked',
      'reservation*', 'appointment*', 'meeting*', 'call', 'demo*', 'quote*', 'quotation*', 'proposal*',
      'estimate*', 'contract*', 'agreement*', 'renewal*', 'renew*', 'subscription*', 'licen?e*', 'plan',
      'deliver*', 'shipment*', 'shipped', 'shipping', 'dispatch*', 'tracking', 'account*', 'reference*',
      'ref', 'number', 'ticket*', 'case', 'request*', 'application*', 'document*', 'sign*', 'date', 'time',
      'deadline', 'expir*', 'amount', 'total', 'balance', 'price*', 'today', 'tomorrow', 'tonight', 'am', 'pm',
      ...WEEKDAYS_EN, ...MONTHS_EN,
    ],
    promotional: [
      // Not a bare "sale" ("point of sale") or "hurry" ("no hurry"): only their promotional uses.
      'discount*', 'on sale', 'summer sale', 'winter sale', 'flash sale', 'clearance sale', 'sale ends',
      'special offer*', 'exclusive offer*', 'limited offer*',
      'limited time', 'limited-time', 'coupon*', 'voucher*', 'promo', 'promo code*', 'promotion*',
      'promotional', 'buy now', 'shop now', 'order now', "don't miss", 'don’t miss', 'do not miss',
      'last chance', 'hurry up', 'today only', 'free gift*', 'free shipping', 'free delivery', 'free trial',
      'for free', 'cashback', 'giveaway', 'black friday', 'cyber monday', 'best price*', 'lowest price*',
      'special price*', 'bargain*', 'deal of the day', 'save up to', 'upgrade now', 'new collection',
    ],
    oneTimeCode: [
      'verification code*', 'one-time code*', 'one time code*', 'one-time password*', 'one time password*',
      'otp', 'login code*', 'log-in code*', 'sign-in code*', 'security code*', 'passcode*',
      'authentication code*', '2fa code*',
    ],
  },
  sv: {
    courtesy: [
      'hej', 'hejsan', 'hallå', 'tjena', 'god morgon', 'god dag', 'god kväll', 'kära', 'bästa', 'tack',
      'tack så mycket', 'stort tack', 'tusen tack', 'hälsningar', 'vänliga hälsningar', 'med vänliga hälsningar',
      'bästa hälsningar', 'mvh', 'ha en bra dag', 'ha en fin dag', 'trevlig helg', 'välkommen', 'vi ses', 'hej då', 'och',
    ],
    details: [
      'order*', '*beställning*', 'beställt', 'beställd*', '*faktura*', '*fakturor*', '*betalning*', 'betala*',
      'förfall*', '*bokning*', 'bokad*', 'bokat', '*möte*', '*mötet', '*samtal*', 'demo*', '*offert*', '*avtal*',
      '*kontrakt*', '*förnyelse*', 'förnya*', '*abonnemang*', '*prenumeration*', '*licens*', '*leverans*',
      'levere*', 'skickad*', 'skickat*', '*spårning*', '*konto*', '*referens*', '*nummer*', '*ärende*',
      '*förfrågan', '*dokument*', 'signer*', 'underskr*', '*datum*', 'tid', 'tiden', 'klockan', 'kl',
      '*belopp*', '*summa*', 'totalt', '*pris*', 'idag', 'i dag', 'imorgon', 'i morgon', 'ikväll',
      'måndag*', 'tisdag*', 'onsdag*', 'torsdag*', 'fredag*', 'lördag*', 'söndag*',
      'januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober',
      'november', 'december',
    ],
    promotional: [
      '*rabatt*', 'rea', 'rean', 'sommarrea*', 'vinterrea*', 'mellandagsrea*', '*realisation*', 'kampanj*', 'specialerbjudande*', 'exklusivt erbjudande',
      'unikt erbjudande', 'tidsbegränsat erbjudande', 'erbjudande till dig', 'köp nu', 'handla nu', 'beställ nu',
      'missa inte', 'passa på', 'sista chansen', 'endast idag', 'bara idag', 'endast i dag', 'bara i dag',
      'fri frakt', 'gratis frakt', 'på köpet', 'fynd*', 'superpris*', 'kampanjpris*', 'reapris*', 'black friday',
      '*värdecheck*', '*presentkort*',
    ],
    oneTimeCode: [
      '*verifieringskod*', '*engångskod*', '*engångslösenord*', '*inloggningskod*', '*säkerhetskod*',
      '*autentiseringskod*', 'otp',
    ],
  },
  de: {
    courtesy: [
      'hallo', 'hi', 'hey', 'moin', 'servus', 'guten morgen', 'guten tag', 'guten abend', 'liebe', 'lieber',
      'sehr geehrte', 'sehr geehrter', 'sehr geehrte damen und herren', 'danke', 'danke schön', 'dankeschön',
      'vielen dank', 'herzlichen dank', 'grüße', 'viele grüße', 'liebe grüße', 'beste grüße',
      'freundliche grüße', 'mit freundlichen grüßen', 'mfg', 'lg', 'willkommen', 'herzlich willkommen',
      'einen schönen tag', 'schönen tag', 'bis bald', 'tschüss', 'frau', 'herr', 'und',
    ],
    details: [
      '*bestellung*', 'bestellt', '*auftrag*', '*rechnung*', '*zahlung*', 'bezahl*', 'fällig*', '*buchung*',
      'gebucht', '*termin*', '*besprechung*', '*meeting*', '*gespräch*', '*anruf*', 'demo*', '*angebot*',
      '*vertrag*', '*verträge*', '*verlängerung*', 'verlänger*', '*abonnement*', '*abo', '*lizenz*',
      '*lieferung*', 'geliefert', '*versand*', 'versendet', 'verschickt', '*sendung*', '*konto*', '*referenz*',
      '*nummer*', '*ticket*', '*vorgang*', '*anfrage*', '*dokument*', '*unterlagen*', 'unterschr*', '*datum*',
      'uhr', '*uhrzeit*', 'zeit', '*betrag*', '*summe*', 'gesamt*', '*preis*', 'heute', 'morgen',
      'montag*', 'dienstag*', 'mittwoch*', 'donnerstag*', 'freitag*', 'samstag*', 'sonntag*',
      'januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'dezember',
    ],
    promotional: [
      '*rabatt*', '*gutschein*', '*sonderangebot*', 'exklusives angebot', 'angebot des tages', 'nur heute',
      'nur für kurze zeit', 'zeitlich begrenzt*', 'jetzt kaufen', 'jetzt bestellen', 'jetzt zugreifen',
      'jetzt sparen', 'sparen sie', 'verpassen sie nicht', 'nicht verpassen', 'letzte chance', '*schnäppchen*',
      'sale', '*aktionscode*', 'gratis', 'kostenloser versand', 'versandkostenfrei', 'black friday',
      '*bestpreis*', '*tiefpreis*', '*sonderpreis*',
    ],
    oneTimeCode: [
      '*bestätigungscode*', '*verifizierungscode*', '*einmalcode*', '*einmalpasswort*', '*einmalkennwort*',
      '*sicherheitscode*', '*anmeldecode*', '*authentifizierungscode*', 'tan', 'otp',
    ],
  },
  es: {
    courtesy: [
      'hola', 'buenos días', 'buenas tardes', 'buenas noches', 'buenas', 'buen día', 'estimado', 'estimada',
      'estimados', 'estimadas', 'querido', 'querida', 'gracias', 'muchas gracias', 'mil gracias', 'saludos',
      'un saludo', 'saludos cordiales', 'atentamente', 'cordialmente', 'bienvenido', 'bienvenida',
      'que tengas un buen día', 'que tenga un buen día', 'hasta pronto', 'adiós', 'señor', 'señora', 'sr', 'sra', 'y',
    ],
    details: [
      'pedido*', 'orden*', 'factura*', 'pago*', 'pagar', 'pagad*', 'vencimiento', 'vence', 'reserva*', 'cita*',
      'reunión', 'reuniones', 'llamada*', 'demo*', 'presupuesto*', 'cotización*', 'propuesta*', 'contrato*',
      'renovación*', 'renovar', 'suscripción*', 'licencia*', 'entrega*', 'envío*', 'enviad*', 'seguimiento',
      'cuenta*', 'referencia*', 'número*', 'ticket*', 'caso', 'solicitud*', 'documento*', 'firma*', 'fecha*',
      'hora*', 'importe*', 'monto*', 'total', 'precio*', 'hoy', 'mañana',
      'lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo',
      'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre',
      'noviembre', 'diciembre',
    ],
    promotional: [
      'descuento*', 'oferta especial', 'oferta exclusiva', 'oferta limitada', 'ofertas', 'promoción*',
      'promocional*', 'código promocional', 'cupón*', 'cupones', 'rebaja*', 'liquidación', 'compra ahora',
      'compra ya', 'no te pierdas', 'no se pierda', 'última oportunidad', 'solo hoy', 'sólo hoy',
      'por tiempo limitado', 'gratis', 'envío gratis', 'regalo*', '2x1', 'black friday', 'ahorra*',
      'mejor precio', 'precio especial',
    ],
    oneTimeCode: [
      'código de verificación', 'código de seguridad', 'código de acceso', 'contraseña de un solo uso',
      'código de un solo uso', 'código de autenticación', 'otp',
    ],
  },
};

export interface TermMatch {
  start: number;
  end: number;
  text: string;
}

export type TermList = keyof Lexicon;

const compiled = new Map<string, RegExp>();

function pattern(language: LexiconLanguage, list: TermList): RegExp {
  const key = `${language}:${list}`;
  let regex = compiled.get(key);
  if (regex === undefined) {
    // Longest first, so "thank you very much" wins over "thank you".
    const terms = [...LEXICONS[language][list]].sort((a, b) => b.length - a.length).map(termSource);
    regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    compiled.set(key, regex);
  }
  return regex;
}

function termSource(term: string): string {
  return term
    .split('*')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/gu, '\\$&').replace(/\?/gu, '\\p{L}').replace(/ /gu, '\\s+'))
    .join('\\p{L}*');
}

export function isLexiconLanguage(language: string): language is LexiconLanguage {
  return Object.hasOwn(LEXICONS, language);
}

export function findTerms(text: string, language: LexiconLanguage, list: TermList): TermMatch[] {
  return [...text.matchAll(pattern(language, list))].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}
