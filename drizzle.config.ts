import { defineConfig } from 'drizzle-kit';
// The vault's migrations are TypeScript (db/migrations, see its README.md); drizzle-kit only
// drafts their SQL (`npm run db:draft`, through drizzle-kit's API). Its own `generate`
// command is not used; if run, it writes to .drizzle/ (ignored by git).
export default defineConfig({ dialect: 'sqlite', schema: './db/schema.ts', out: './.drizzle' });
