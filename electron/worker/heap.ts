// The young generation (V8's nursery) the vault's workers run with. Node's default semi-space
// of 16 MB is small for this work: the first whole-firm load after unlock builds some 200,000
// objects that all live on (every record, case and instruction of a 200-person firm), and with
// a small nursery each of them is copied by several scavenges before it reaches the old
// generation. Measured on the bench's firm (2-core machine): the garbage collector's share of
// that first load falls from about 145 ms to about 95 ms at 32 MB, for at most 96 MB more of
// reserved memory per worker while a load is under way.
// The bench runs the same code in its own process, so it starts Node with SEMI_SPACE_FLAG.

/** The semi-space of each vault worker, in MB. */
export const SEMI_SPACE_MB = 32;
/** A Worker's resourceLimits for that semi-space (V8's young generation is three semi-spaces). */
export const WORKER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 3 * SEMI_SPACE_MB } as const;
/** The same for a whole Node process (the bench, which runs the session on its own thread). */
export const SEMI_SPACE_FLAG = `--max-semi-space-size=${SEMI_SPACE_MB}`;
