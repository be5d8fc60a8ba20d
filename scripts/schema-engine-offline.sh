#!/bin/sh
# Stand-in for Prisma's native schema engine where it cannot be downloaded (air-gapped networks).
# `prisma generate` never runs it; commands that do need it (migrate dev, db push, migrate diff)
# get this explanation instead of a download error.
echo "The Prisma schema engine is not installed (offline). This project applies migrations with" >&2
echo "its own migrator: npm run db:migrate. To use Prisma Migrate's engine commands, run them on a" >&2
echo "machine that can download the engine, or set PRISMA_SCHEMA_ENGINE_BINARY to an engine binary." >&2
exit 1
