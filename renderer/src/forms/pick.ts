// A record's own fields out of a larger object (a profile also carries its evidence lists,
// which the details form does not edit and the contract's strict schemas refuse).
export function pick<T extends object, K extends keyof T>(obj: T, keys: readonly K[]): Pick<T, K> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  // Every key asked for is either copied or was undefined (absent) in the source.
  return out as Pick<T, K>;
}
