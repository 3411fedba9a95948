// A passphrase strength hint shared by the create-vault form and the CLI. It is a hint,
// not a gate beyond the minimum length: long passphrases of ordinary words are strong.
export const MIN_PASSPHRASE = 10;
export function passphraseStrength(p: string): { score: 0 | 1 | 2 | 3 | 4; word: string; hint: string } {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
  const words = p
    .trim()
    .split(/\s+/)
    .filter((w) => w.length >= 3).length;
  let score = 0;
  if (p.length >= MIN_PASSPHRASE) score = 1;
  if (p.length >= 14 && (classes >= 2 || words >= 3)) score = 2;
  if (p.length >= 18 && (classes >= 3 || words >= 4)) score = 3;
  if (p.length >= 24 && (classes >= 3 || words >= 5)) score = 4;
  if (/^(.)\1+$/.test(p) || /^(password|passphrase|caseproof)/i.test(p)) score = 0;
  const word = ['Too weak', 'Weak', 'Fair', 'Strong', 'Very strong'][score];
  const hint =
    score === 0
      ? `Use at least ${MIN_PASSPHRASE} characters; several unrelated words work well.`
      : score < 3
        ? 'Longer is better: add another word or two.'
        : 'Good. Keep it somewhere safe: without it the vault cannot be opened.';
  return { score: score as 0 | 1 | 2 | 3 | 4, word, hint };
}
