import { parseArgs } from 'node:util';
import { defaultKeysDir, isRole, issueAccessToken, resolveKeyPair, ROLES, type Role } from '@civic/identity';

/**
 * Prints a development bearer token signed with the local issuer key:
 *   npm run token -- --role COMMUNITY_WORKER --resident <id> --scope <organisationId> [--hours 8]
 */
const USAGE = `Usage: npm run token -- --role ROLE[,ROLE] [--resident ID] [--scope ORGANISATION_ID]... [--subject S] [--hours 8]
Roles: ${ROLES.join(', ')}`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      help: { type: 'boolean', default: false },
      role: { type: 'string', multiple: true, default: [] },
      resident: { type: 'string' },
      scope: { type: 'string', multiple: true, default: [] },
      subject: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const roles = values.role.flatMap((role) => role.split(',')).map((role) => role.trim().toUpperCase());
const unknown = roles.filter((role) => !isRole(role));
if (roles.length === 0 || unknown.length > 0) {
  console.error(`Give one or more --role; unknown: ${unknown.join(', ') || '(none given)'}`);
  process.exit(2);
}
const hours = Number(values.hours);
if (!(hours > 0 && hours <= 24 * 30)) {
  console.error('--hours must be a number from 0 to 720');
  process.exit(2);
}
const { privateKey } = await resolveKeyPair('access-token', defaultKeysDir());
const subject = values.subject ?? values.resident ?? `dev:${roles.join('+').toLowerCase()}`;
console.log(
  await issueAccessToken(privateKey, { subject, residentId: values.resident ?? null, roles: roles as Role[], scope: values.scope.flatMap((s) => s.split(',')) }, hours * 3600),
);
