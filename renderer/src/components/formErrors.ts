// zod's default wording for a missing value ("Invalid input: expected string, received
// undefined") is not for people; a field left empty simply "is required".
export function friendlyError(message: string | undefined): string | undefined {
  if (message === undefined) return undefined;
  if (/^Invalid input: expected \w+, received undefined$/.test(message)) return 'is required';
  if (message.startsWith('Invalid input')) return 'is not valid';
  return message;
}
