// The renderer's server state: TanStack Query over the contract. Every query is keyed by
// [operation, input]; every change goes through useAction, which refreshes the queries
// that read what the operation changes (the map in ./ops.ts). Pages read with useOp /
// useOps, which suspend while loading and throw to the page's error boundary (router.tsx)
// when the operation fails, so loading and failure look the same on every page.
//
// To point a page at another operation (e.g. a screen operation that returns everything the
// page shows) change the operation named in its useOp call, and say in ./ops.ts what the
// new operation reads.
import { QueryClient, keepPreviousData, useMutation, useQuery, useSuspenseQueries, useSuspenseQuery } from '@tanstack/react-query';
import type { Input, Output } from '../../../electron/contract/api';
import type { VaultState } from '../../../electron/contract/views';
import { call } from '../api';
import { affectedBy, isStatic, type ActionOp, type QueryOp } from './ops';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Data changes only through Caseproof's own operations, and each of those refreshes
      // what it changes: coming back to the window or the network is no reason to ask again.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // The vault is on this computer: a failed read fails the same way the second time.
      retry: false,
      // A page opened again shows what it showed at once; after a while it also asks again
      // in the background, because rule results follow today's date, which moves on.
      staleTime: 30_000,
    },
    mutations: { retry: false },
  },
});

export function keyOf<K extends QueryOp>(op: K, input: Input<K>): readonly [K, Input<K>] {
  return [op, input];
}

function optionsOf<K extends QueryOp>(op: K, input: Input<K>) {
  return {
    queryKey: keyOf(op, input),
    queryFn: (): Promise<Output<K>> => call(op, input),
    // Queries that read nothing that changes (the rule catalogue) are asked once per unlock.
    staleTime: isStatic(op) ? Infinity : undefined,
  };
}

/** One operation's result for a page: suspends while it loads, throws to the page's boundary if it fails. */
export function useOp<K extends QueryOp>(op: K, input: Input<K>): Output<K> {
  return useSuspenseQuery(optionsOf(op, input)).data;
}

type Request = { [K in QueryOp]: readonly [K, Input<K>] }[QueryOp];
type Results<T extends readonly Request[]> = { -readonly [I in keyof T]: T[I] extends readonly [infer K extends QueryOp, unknown] ? Output<K> : never };

/** Several operations at once (asked in parallel, not one after another), as a tuple of results. */
export function useOps<const T extends readonly Request[]>(requests: T): Results<T> {
  const results = useSuspenseQueries({ queries: requests.map((r) => optionsOf(r[0], r[1])) });
  // useSuspenseQueries cannot follow a tuple built by map; the order is the requests' order.
  return results.map((r) => r.data) as Results<T>;
}

/**
 * A query that does not suspend: for results that follow what the user is typing or
 * choosing (a search, a preview), where the page stays as it is while the next answer
 * loads and a failure is shown beside the controls rather than instead of the page.
 */
export function useOpQuery<K extends QueryOp>(op: K, input: Input<K>, opts: { enabled?: boolean; keepPrevious?: boolean; gcTime?: number } = {}) {
  return useQuery({
    ...optionsOf(op, input),
    enabled: opts.enabled ?? true,
    placeholderData: opts.keepPrevious ? keepPreviousData : undefined,
    gcTime: opts.gcTime,
  });
}

/** Refreshes every cached query that reads what `op` changes; resolves once the ones on screen have their new data. */
export function refreshAfter(op: ActionOp, except?: QueryOp): Promise<void> {
  const stale = affectedBy(op);
  return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== except && stale.has(String(q.queryKey[0])) });
}

/** Operations whose answer is a VaultState (the compiler works this out from the contract). */
type AnswersVaultState = { [K in ActionOp]: Output<K> extends VaultState ? K : never }[ActionOp];
/** The operations that open or close the vault, or rename its user: their answer replaces the cached vaultState. */
const VAULT_OPS: ReadonlySet<ActionOp> = new Set<AnswersVaultState>([
  'createVault',
  'unlockVault',
  'unlockRemembered',
  'forgetRemembered',
  'lockVault',
  'setUserName',
  'changePassphrase',
  'recoverVault',
]);
const isVaultState = (v: unknown): v is VaultState => typeof v === 'object' && v !== null && 'open' in v && 'defaultPath' in v;

/**
 * Every operation that changes data (or opens a dialog). `mutateAsync` resolves after the
 * queries it affects (ops.ts) have been refetched, so what the page shows next is already
 * new. A vault operation's answer replaces the cached vaultState, so the app shows the gate
 * or the shell at once; a closed vault has nothing to refresh (the gate forgets it all).
 */
export function useAction<K extends ActionOp>(op: K) {
  return useMutation({
    mutationKey: [op],
    mutationFn: (input: Input<K>): Promise<Output<K>> => call(op, input),
    onSuccess: (output) => {
      if (!VAULT_OPS.has(op) || !isVaultState(output)) return refreshAfter(op);
      queryClient.setQueryData(keyOf('vaultState', {}), output);
      return output.open ? refreshAfter(op, 'vaultState') : undefined;
    },
  });
}

/**
 * Forgets everything read from a vault (called whenever the vault gate shows: after locking,
 * however that happened, nothing of the vault stays in memory for the next one).
 */
export function forgetVaultData(): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'vaultState' });
  queryClient.getMutationCache().clear();
}

/**
 * For main telling the window that the vault was locked (e.g. after a period of inactivity):
 * the app reads the vault's state again and shows the gate.
 */
export function vaultClosedElsewhere(state?: VaultState): Promise<void> {
  if (state) {
    queryClient.setQueryData(keyOf('vaultState', {}), state);
    return Promise.resolve();
  }
  return queryClient.invalidateQueries({ queryKey: keyOf('vaultState', {}) });
}
