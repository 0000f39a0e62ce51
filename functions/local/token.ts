import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_LIFETIME_S } from '../adapters/jwt';
import { localIssuer } from './issuer';

const usage = 'usage: npm run token -- --employee ID [--admin] [--ttl SECONDS]';
let values: { employee?: string; admin?: boolean; ttl?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      employee: { type: 'string', short: 'e' },
      admin: { type: 'boolean', default: false },
      ttl: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${usage}\n`);
  process.exit(2);
}
if (values.help || !values.employee) {
  process.stderr.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}
const ttlS = values.ttl === undefined ? undefined : Number(values.ttl);
// The local server refuses tokens that live longer than its verifier's maximum.
if (ttlS !== undefined && !(Number.isInteger(ttlS) && ttlS > 0 && ttlS <= DEFAULT_MAX_LIFETIME_S)) {
  process.stderr.write(
    `--ttl must be a whole number of seconds, at most ${DEFAULT_MAX_LIFETIME_S}\n${usage}\n`,
  );
  process.exit(2);
}

const issuer = await localIssuer(resolve(process.env.DATA_DIR ?? '.data'));
const token = await issuer.sign({
  employeeId: values.employee,
  admin: values.admin === true,
  ...(ttlS === undefined ? {} : { ttlS }),
});
process.stderr.write(
  `Token for ${values.employee}${values.admin ? ' (admin)' : ''}; use it as: Authorization: Bearer <token>\n`,
);
process.stdout.write(`${token}\n`);
