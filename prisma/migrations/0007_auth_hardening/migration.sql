-- GitHub users no allowlist admitted wait as pending, with no access, until an admin approves them (ADR 0009).
-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'pending';

-- Sessions carry the version they began with. Bumping it (the bootstrap password rotated) ends them all.
-- AlterTable
ALTER TABLE "users" ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0;
