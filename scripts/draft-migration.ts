// `npm run db:draft`: drafts the SQL of the next migration. It builds an empty database,
// applies every migration in db/migrations, and asks drizzle-kit what it would run to make
// that database match db/schema.ts. Copy the statements into a new migration file and
// review them (for a changed column drizzle-kit rebuilds the table; keep secure_delete's
// guarantee and the AUTOINCREMENT counter as 0001_evidence_contents does). A unit test
// runs the same comparison and fails while schema.ts and the migrations disagree.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { pushSQLiteSchema } from 'drizzle-kit/api';
import { fileURLToPath } from 'node:url';
import * as schema from '../db/schema';
import { MIGRATIONS } from '../db/migrations';
import { migrate, type Migration } from '../db/migrate';

/** The statements that would bring a database migrated by `migrations` to db/schema.ts. */
export async function draftStatements(migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const db = new Database(':memory:');
  const write = process.stdout.write;
  try {
    migrate(db, migrations);
    // drizzle-kit draws a spinner on stdout while it reads the database; keep output clean.
    process.stdout.write = () => true;
    // drizzle-kit's API is typed for libSQL; it only issues queries through drizzle, which
    // better-sqlite3's driver answers the same way.
    const r = await pushSQLiteSchema(schema, drizzle(db) as unknown as Parameters<typeof pushSQLiteSchema>[1]);
    return r.statementsToExecute;
  } finally {
    process.stdout.write = write;
    db.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const statements = await draftStatements();
  const next = String(MIGRATIONS.length).padStart(4, '0');
  if (statements.length === 0) console.log('db/schema.ts and db/migrations agree: no migration needed.');
  else console.log(`-- Draft for db/migrations/${next}_<what_it_does>.ts (review before use):\n\n${statements.join('\n')}`);
}
