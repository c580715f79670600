#!/usr/bin/env bash
# Records in tests/Migrations.lock the SHA-256 of every migration file that is not listed there yet. Entries already
# listed are never rewritten: a released migration is frozen, and the test When_migrations_are_frozen fails when one
# changes. Run it after `dotnet ef migrations add`, then commit the new migration with the lock file.
# Hashes are of the text with CRLF line ends read as LF, so a checkout with either line end gives the same hash.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lock=tests/Migrations.lock

# Every folder holding a [Migration("…")] class; in it, every .cs file but the model snapshot, which changes with each migration.
mapfile -t folders < <(grep -rl --include='*.cs' '\[Migration("' src | xargs -n1 dirname | sort -u)
mapfile -t files < <(find "${folders[@]}" -maxdepth 1 -name '*.cs' ! -name '*ModelSnapshot.cs' | LC_ALL=C sort)

entries=$( [ -f "$lock" ] && grep -v '^#' "$lock" | grep -v '^$' || true)
added=0
for file in "${files[@]}"; do
  if grep -q "  ${file}\$" <<<"$entries"; then continue; fi
  hash=$(sed 's/\r$//' "$file" | sha256sum | cut -d' ' -f1)
  entries+=$'\n'"${hash}  ${file}"
  echo "lock-migrations: added ${file}"
  added=$((added + 1))
done

{
  echo "# SHA-256 of every migration file (CRLF read as LF). A listed migration is released and never edited: change the"
  echo "# schema with a new migration, then run scripts/lock-migrations.sh to add it here. Checked by When_migrations_are_frozen."
  grep -v '^$' <<<"$entries" | LC_ALL=C sort -k2
} > "$lock.tmp"
mv "$lock.tmp" "$lock"
echo "lock-migrations: ${added} added, ${#files[@]} migration files listed in ${lock}"
