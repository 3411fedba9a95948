import { defineConfig } from 'drizzle-kit';
// Migrations are generated from db/schema.ts into db/migrations, then embedded into
// db/migrations.generated.ts (scripts/embed-migrations.mjs) so every bundle carries them.
export default defineConfig({ dialect: 'sqlite', schema: './db/schema.ts', out: './db/migrations' });
