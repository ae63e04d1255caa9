import { inject } from "vitest";

// App code reads process.env.DATABASE_URL, so point it at the run's migrated test database.
process.env.DATABASE_URL = inject("databaseUrl");
