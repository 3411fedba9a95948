// The public registers Caseproof can open in the computer's browser, by name: the only places
// outside the app it ever sends the user. The page asks for a register by its id (the
// `openRegister` operation), never with an address; main opens only https addresses on these
// hosts (electron/platform/electronPlatform.ts, electron/main/security.ts), whoever asks.
// Plain values, no zod: main, the preload-free renderer and the workers all import this.

import type { RegisterCheckResult } from './model';

export const REGISTER_IDS = ['hcpc', 'nmc', 'swe', 'dbs-update'] as const;
export type RegisterId = (typeof REGISTER_IDS)[number];

export interface PublicRegister {
  /** The body that keeps it, as a user would name it. */
  name: string;
  /** What it is checked for, in a few words. */
  checks: string;
  /** Its public search page. */
  url: string;
}

export const REGISTERS: Record<RegisterId, PublicRegister> = {
  hcpc: {
    name: 'Health and Care Professions Council (HCPC)',
    checks: 'registration of occupational therapists, physiotherapists, psychologists, speech and language therapists and other allied health professionals',
    url: 'https://www.hcpc-uk.org/check-the-register/',
  },
  nmc: {
    name: 'Nursing and Midwifery Council (NMC)',
    checks: 'registration of nurses, midwives and nursing associates',
    url: 'https://www.nmc.org.uk/registration/search-the-register/',
  },
  swe: {
    name: 'Social Work England',
    checks: 'registration of social workers in England',
    url: 'https://www.socialworkengland.org.uk/umbraco/surface/searchregister/results',
  },
  'dbs-update': {
    name: 'DBS Update Service',
    checks: 'the current status of a standard or enhanced DBS certificate, with the holder’s consent',
    // GOV.UK's page for the service: it explains the check and links to the status check itself.
    url: 'https://www.gov.uk/dbs-update-service',
  },
};

/** The hosts the registers live on: nothing else is ever opened outside Caseproof. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(Object.values(REGISTERS).map((r) => new URL(r.url).host));

/** True only for a plain https address on one of the registers' hosts (no user name, password or port). */
export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && EXTERNAL_HOSTS.has(u.host) && !u.username && !u.password && !u.port;
}

/** Throws unless `url` may be opened in the browser: every platform checks this before opening anything. */
export function assertExternalUrl(url: string): void {
  if (!isAllowedExternalUrl(url)) throw new Error(`Caseproof opens only the public registers' https pages in the browser, not ${JSON.stringify(url)}.`);
}

/** Which professional register a registration is on, by the words its body is written in (none: no public register here). */
const BODY_WORDS: Record<Exclude<RegisterId, 'dbs-update'>, RegExp> = {
  hcpc: /\bhcpc\b|health and care professions/i,
  nmc: /\bnmc\b|nursing and midwifery/i,
  swe: /\bswe\b|social work england/i,
};
export function registerOfBody(body: string): Exclude<RegisterId, 'dbs-update'> | undefined {
  return (Object.keys(BODY_WORDS) as Exclude<RegisterId, 'dbs-update'>[]).find((id) => BODY_WORDS[id].test(body));
}

/** What a register check showed, in words that fit mid-sentence (the CLI, the pack; the page capitalises them). */
export const RESULT_WORDS: Record<RegisterCheckResult, string> = {
  registered: 'on the register',
  'registered-with-conditions': 'on the register, with conditions or restrictions',
  'not-found': 'not found on the register',
  'no-new-information': 'no new information (the certificate is current)',
  'new-information': 'new information: apply for a new certificate',
};
